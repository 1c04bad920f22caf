-- wrk script: each connection asks for PAGE then VIEWER (paths from the environment) in turn, as a
-- browser asks for a public page and then for the viewer's part of it. A page view is two requests.
local paths = { os.getenv("PAGE"), os.getenv("VIEWER") }
local next_path = 1

request = function()
    local path = paths[next_path]
    next_path = next_path % 2 + 1
    return wrk.format("GET", path)
end

done = function(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout
    io.write(string.format("RESULT requests=%d rps=%.1f page_views_per_s=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
        summary.requests, summary.requests / (summary.duration / 1e6), summary.requests / 2 / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, errors, summary.errors.status))
end
