package com.soundhub.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.soundhub.projects.contents.ContentHash;
import com.soundhub.testing.Browsers;
import com.soundhub.testing.SeededBytes;
import com.soundhub.testing.StaticSite;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * How fast the push page hashes files: js/projects/hash-worker.js through the worker pool of
 * js/projects/push.js in headless Chromium, on a file of about 1 GB of seeded bytes chosen in the
 * page (written to a temporary file first, in the page cache when it is read), with 1, 2 and 4
 * workers, as one file and as files of 64 MiB (slices of it); and {@link ContentHash} on the same
 * bytes in memory in this JVM for comparison. The browser's hash of the whole must equal Java's. Needs Chromium and chromedriver, not the application.
 *
 * <pre>./mvnw -Pbench-hash [-Dsoundhub.bench.args="--megabytes 1024 --runs 3 --workers 1,2,4 --file-megabytes 64"]</pre>
 */
public final class BrowserHashBenchmark {

    private static final int BLOCK = ContentHash.BLOCK_SIZE;
    private static final int SEED = 2026;

    private BrowserHashBenchmark() {
    }

    public static void main(String[] given) throws Exception {
        // Maven hands -Dsoundhub.bench.args over as one argument.
        String[] args = String.join(" ", given).trim().split("\\s+");
        int megabytes = 1024;
        int runs = 3;
        int fileMegabytes = 64;
        String workers = "1,2,4";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--megabytes" -> megabytes = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--file-megabytes" -> fileMegabytes = Integer.parseInt(args[i + 1]);
                case "--workers" -> workers = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        int blocks = megabytes / 4;
        long total = (long) blocks * BLOCK;
        System.out.printf(Locale.ROOT, "Data: %d × 4 MiB = %.0f MB (%d MiB); %d processors%n",
                blocks, total / 1e6, total >> 20, Runtime.getRuntime().availableProcessors());

        Path file = Files.createTempFile("soundhub-hash-bench", ".bin");
        String javaHash = javaSpeed(blocks, runs, file);

        ChromeDriver browser = Browsers.chromium();
        try (StaticSite site = new StaticSite()) {
            browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
            browser.get(site.base().toString());
            System.out.println("Browser: " + browser.getCapabilities().getBrowserName() + " "
                    + browser.getCapabilities().getBrowserVersion());
            Object loaded = browser.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var script = document.createElement('script');
                    script.src = '/static/js/projects/push.js?v=bench';
                    script.onload = function () { done('loaded'); };
                    script.onerror = function () { done('push.js did not load'); };
                    document.head.appendChild(script);
                    """);
            if (!"loaded".equals(loaded)) {
                throw new IllegalStateException(String.valueOf(loaded));
            }
            // The data as a file the page is given, as a member chooses one: Chromium refused to read
            // a Blob of 1 GB made in the page (NotReadableError), and files come from disk anyway.
            browser.executeScript("""
                    var input = document.createElement('input');
                    input.type = 'file';
                    input.id = 'bench-file';
                    document.body.appendChild(input);
                    """);
            browser.findElement(By.id("bench-file")).sendKeys(file.toString());
            browser.executeScript("window.benchData = document.getElementById('bench-file').files[0];");
            System.out.println();
            System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s%n", "browser, median of " + runs, "MB/s", "min", "max");
            for (String count : workers.split(",")) {
                int size = Integer.parseInt(count.trim());
                Run whole = browserSpeed(browser, size, 0, runs, total);
                if (!whole.hashes.get(0).equals(javaHash)) {
                    throw new IllegalStateException("The browser's hash " + whole.hashes.get(0) + " is not Java's " + javaHash);
                }
                report(size + (size == 1 ? " worker" : " workers") + ", one file", whole);
                report(size + (size == 1 ? " worker" : " workers") + ", files of " + fileMegabytes + " MiB",
                        browserSpeed(browser, size, (long) fileMegabytes << 20, runs, total));
            }
        } finally {
            browser.quit();
            Files.deleteIfExists(file);
        }
    }

    record Run(List<Double> rates, List<String> hashes) {
    }

    private static void report(String label, Run run) {
        List<Double> sorted = new ArrayList<>(run.rates);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %8.0f %8.0f %8.0f%n", label, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    @SuppressWarnings("unchecked")
    private static Run browserSpeed(ChromeDriver browser, int workers, long fileSize, int runs, long total) {
        List<Double> rates = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            Map<String, Object> result = (Map<String, Object>) browser.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var data = window.benchData;
                    var fileSize = arguments[1] || data.size;
                    var files = [];
                    for (var at = 0; at < data.size; at += fileSize) {
                        files.push(data.slice(at, Math.min(data.size, at + fileSize)));
                    }
                    var pool = new window.soundhub.projects.HashPool(arguments[0]);
                    var started = performance.now();
                    Promise.all(files.map(function (file) { return pool.hash(file); })).then(function (hashes) {
                        var ms = performance.now() - started;
                        pool.reset();
                        done({ms: ms, hash: hashes[0]});
                    }, function (error) {
                        pool.reset();
                        done({error: String(error && error.message || error)});
                    });
                    """, workers, fileSize);
            if (result.containsKey("error")) {
                throw new IllegalStateException(String.valueOf(result.get("error")));
            }
            if (run == 0) {
                continue; // the first run warms up (workers' start, the Blob's first read)
            }
            double ms = ((Number) result.get("ms")).doubleValue();
            rates.add(total / 1e6 / (ms / 1000));
            hashes.add((String) result.get("hash"));
        }
        return new Run(rates, hashes);
    }

    private static String javaSpeed(int blocks, int runs, Path file) throws IOException {
        byte[][] data = new byte[blocks][];
        int seed = SEED;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < blocks; i++) {
                data[i] = new byte[BLOCK];
                seed = SeededBytes.fill(data[i], seed);
                out.write(data[i]);
            }
        }
        String hash = null;
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            long started = System.nanoTime();
            ContentHash content = new ContentHash();
            for (byte[] block : data) {
                content.update(block, 0, block.length);
            }
            hash = content.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (run > 0) {
                rates.add((double) blocks * BLOCK / 1e6 / seconds);
            }
        }
        Collections.sort(rates);
        System.out.printf(Locale.ROOT, "Java ContentHash, one thread (%s): median %.0f MB/s (min %.0f, max %.0f)%n",
                System.getProperty("java.vm.version"), rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1));
        return hash;
    }
}
