#!/usr/bin/env bash
# CPU cost per request of pages, for the application's JVM and for PostgreSQL: each path is asked
# for by wrk at a few connections, and the CPU time both used meanwhile (from /proc) is divided by
# the requests answered. Run against a server whose page cache is off
# (-Dsoundhub.page-cache.seconds=0 among its JVM flags) to measure rendering.
#
# Usage: bench/load/cpu.sh [base-url] [label] path...
#   MEMBER=seed-000001@soundhub.local  signs in first, as run.sh does
#   DURATION=20s WARMUP=20s CONNECTIONS=4
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://localhost:8080}
LABEL=${2:-cpu}
shift 2 || true
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-4}
port=$(sed -E 's|.*:([0-9]+).*|\1|' <<<"$BASE")
app=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$app" ] || { echo "Nothing listens on port $port" >&2; exit 1; }

# shellcheck source=signin.sh
. ./signin.sh

ticks=$(getconf CLK_TCK)
cpu_of() {  # CPU time (ticks) of the given processes, children's included
    local total=0
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] || continue
        read -r -a fields < <(sed 's/^.*) //' "/proc/$pid/stat")
        total=$((total + fields[11] + fields[12] + fields[13] + fields[14]))
    done
    echo "$total"
}

for path in "$@"; do
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$BASE$path" >/dev/null
    postgres=$(pgrep -x postgres | tr '\n' ' ')
    app_before=$(cpu_of "$app"); db_before=$(cpu_of $postgres)
    result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "${headers[@]}" -s percentiles.lua "$BASE$path" | grep '^RESULT')
    app_after=$(cpu_of "$app"); db_after=$(cpu_of $postgres)
    requests=$(grep -o 'requests=[0-9]*' <<<"$result" | cut -d= -f2)
    awk -v label="$LABEL" -v path="$path" -v req="$requests" -v app=$((app_after - app_before)) \
        -v db=$((db_after - db_before)) -v hz="$ticks" -v result="${result#RESULT }" \
        'BEGIN { printf "%s %s app_cpu_ms=%.2f db_cpu_ms=%.2f %s\n", label, path, app * 1000 / hz / req, db * 1000 / hz / req, result }'
done
