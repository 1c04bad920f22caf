package com.soundhub.projects.contents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.soundhub.testing.Browsers;
import com.soundhub.testing.SeededBytes;
import com.soundhub.testing.StaticSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content hash as the push page computes it (js/projects/hash-worker.js through the worker pool
 * of js/projects/push.js, in headless Chromium, under the pages' Content-Security-Policy) equals
 * {@link ContentHash} for the same bytes. Needs Chromium and chromedriver, not the application;
 * skipped without them (see {@link Browsers}).
 */
class BrowserContentHashTest {

    static final int MIB = 1024 * 1024;

    static StaticSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        try {
            browser = Browsers.chromium();
        } catch (TestAbortedException skipped) {
            System.out.println("BrowserContentHashTest skipped: " + skipped.getMessage());
            throw skipped;
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        site = new StaticSite();
        browser.get(site.base().toString());
        browser.executeScript(SeededBytes.JS);
        Object loaded = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var script = document.createElement('script');
                script.src = '/static/js/projects/push.js?v=test';
                script.onload = function () { done('loaded'); };
                script.onerror = function () { done('push.js did not load'); };
                document.head.appendChild(script);
                """);
        assertThat(loaded).isEqualTo("loaded");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void filesHashedByTheWorkerPoolMatchContentHash() {
        // Empty, one byte, exactly one block, one block and a byte, 10 MiB + 3 (a short last block),
        // and 70 MiB + 5, which the pool of two cuts into two parts of 9 blocks hashed at once.
        int[][] files = {{11, 0}, {12, 1}, {13, 4 * MIB}, {14, 4 * MIB + 1}, {15, 10 * MIB + 3}, {16, 70 * MIB + 5}};
        List<Object> cases = new ArrayList<>();
        for (int[] file : files) {
            cases.add(List.of(file[0], file[1]));
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var pool = new window.soundhub.projects.HashPool(2);
                Promise.all(arguments[0].map(function (file) {
                    var blob = new Blob([window.seededBytes(file[0], file[1])]);
                    var reports = [];
                    return pool.hash(blob, function (bytes) { reports.push(bytes); }).then(function (hash) {
                        return {hash: hash, reports: reports};
                    });
                })).then(function (results) {
                    pool.reset();
                    done(results);
                }, function (error) {
                    done([{error: String(error && error.message || error)}]);
                });
                """, cases);

        assertThat(results).hasSize(files.length);
        for (int i = 0; i < files.length; i++) {
            int seed = files[i][0];
            int size = files[i][1];
            Map<String, Object> result = results.get(i);
            assertThat(result).as("file of %d bytes", size).doesNotContainKey("error");
            assertThat(result.get("hash")).as("hash of %d bytes", size)
                    .isEqualTo(ContentHash.of(SeededBytes.of(seed, size)));
            // Progress after each block, never going back, the last one at the file's size.
            @SuppressWarnings("unchecked")
            List<Number> reports = (List<Number>) result.get("reports");
            long blocks = (size + ContentHash.BLOCK_SIZE - 1) / ContentHash.BLOCK_SIZE;
            assertThat(reports).as("progress of %d bytes", size).hasSize((int) blocks);
            assertThat(reports.stream().map(Number::longValue).toList()).as("progress of %d bytes", size)
                    .isSorted().allMatch(bytes -> bytes > 0 && bytes <= size);
            if (blocks > 0) {
                assertThat(reports.get(reports.size() - 1).longValue()).isEqualTo(size);
            }
        }
        assertThat(results.get(0).get("hash")).as("SHA-256 of nothing")
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void theGeneratorGivesTheSameBytesInBothLanguages() {
        Object browserBytes = browser.executeScript(
                "return Array.from(window.seededBytes(arguments[0], arguments[1]));", 7, 11);
        List<Long> javaBytes = new ArrayList<>();
        for (byte b : SeededBytes.of(7, 11)) {
            javaBytes.add((long) (b & 0xff));
        }
        assertThat(browserBytes).isEqualTo(javaBytes);
    }
}
