package com.soundhub.projects;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.soundhub.projects.contents.ContentHash;
import com.soundhub.testing.Browsers;
import com.soundhub.testing.SeededBytes;
import com.soundhub.testing.StaticSite;
import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push page's script (js/projects/push.js) with the push form (projects/push-form.html) in
 * headless Chromium, against a stand-in for the API and for storage on the same loopback server
 * (docs/PROJECTS-API.md): a folder is chosen, hashed and pushed; only the missing contents are
 * uploaded, the large one in parts, a part that fails once is sent again; the commit names a file
 * whose content it did not get, which is shown by that file; pressing Push again sends it again
 * within the same push and commits, and the browser goes to the new revision. Skipped without
 * Chromium (see {@link Browsers}).
 */
class PushPageTest {

    static final int MIB = 1024 * 1024;
    static final String TOKEN = "csrf-token-for-the-test";

    StaticSite site;
    ChromeDriver browser;
    WebDriverWait wait;

    final List<JsonObject> pushes = new CopyOnWriteArrayList<>();
    final List<String> commits = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> puts = new ConcurrentHashMap<>();
    final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    final Map<String, String> pathOfHash = new ConcurrentHashMap<>();
    final Map<String, Integer> partsOfHash = new ConcurrentHashMap<>();

    @BeforeEach
    void open() throws Exception {
        try {
            browser = Browsers.chromium();
        } catch (TestAbortedException skipped) {
            System.out.println("PushPageTest skipped: " + skipped.getMessage());
            throw skipped;
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        site = new StaticSite();
        site.page("/projects/7/push", page());
        site.route("/api/v1/projects/7/", this::api);
        site.route("/storage/", this::storage);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aFolderIsPushedWithOnlyWhatIsMissingUploadedAndResumedAfterAFailure(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("My Song"));
        byte[] vocals = SeededBytes.of(1, 300_000);
        byte[] notes = "same as before".getBytes(StandardCharsets.UTF_8);
        byte[] stems = SeededBytes.of(2, 12 * MIB + 5);
        Files.write(folder.resolve("vocals.wav"), vocals);
        Files.createDirectories(folder.resolve("notes"));
        Files.write(folder.resolve("notes/lyrics.txt"), notes);
        Files.write(folder.resolve("stems.zip"), stems);
        Files.write(folder.resolve(".DS_Store"), new byte[] {1, 2, 3});
        // The second part of the large file fails once on its way to storage.
        failOnce.add(ContentHash.of(stems) + "/2");

        browser.get(site.base().resolve("/projects/7/push").toString());
        browser.findElement(By.id("push-folder")).sendKeys(folder.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-status"), "3 files"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-status"), "ready to push"));
        assertThat(rowStates()).containsExactly(
                Map.entry("notes/lyrics.txt", "Ready"), Map.entry("stems.zip", "Ready"), Map.entry("vocals.wav", "Ready"));

        browser.findElement(By.id("push-whole")).click();
        browser.findElement(By.id("push-message")).sendKeys("Vocals and stems");
        browser.findElement(By.cssSelector("#push-form button[type=submit]")).click();

        // The commit says vocals.wav never arrived: shown by that file and at the top, the rest kept.
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("push-error")));
        assertThat(error.getText()).contains("never got");
        assertThat(rowStates()).containsExactly(
                Map.entry("notes/lyrics.txt", "Unchanged"),
                Map.entry("old take.wav", "Removed"),
                Map.entry("stems.zip", "New · uploaded and checked"),
                Map.entry("vocals.wav", "New · failed"));
        assertThat(browser.findElement(By.cssSelector("li[data-state=error] .push-file-error")).getText())
                .isEqualTo("Its content was never uploaded.");

        JsonObject push = pushes.get(0);
        assertThat(push.getInt("base")).isEqualTo(3);
        assertThat(push.getBoolean("wholeProject")).isTrue();
        assertThat(push.getJsonArray("files").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("path") + " " + f.getJsonNumber("size").longValue() + " " + f.getString("hash"))
                .containsExactly(
                        "notes/lyrics.txt " + notes.length + " " + ContentHash.of(notes),
                        "stems.zip " + stems.length + " " + ContentHash.of(stems),
                        "vocals.wav " + vocals.length + " " + ContentHash.of(vocals));
        String stemsHash = ContentHash.of(stems);
        assertThat(puts.get(stemsHash + "/2").get()).as("the failed part, sent again").isEqualTo(2);
        assertThat(puts.get(stemsHash + "/1").get()).isEqualTo(1);
        assertThat(puts.keySet()).noneMatch(key -> key.startsWith(ContentHash.of(notes)));
        assertThat(puts.get(ContentHash.of(vocals)).get()).as("lost once, sent again when it did not verify").isEqualTo(2);

        browser.findElement(By.cssSelector("#push-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/projects/7/revisions/4"));

        assertThat(pushes).as("the same push, resumed").hasSize(1);
        assertThat(commits).containsExactly("Vocals and stems", "Vocals and stems");
        assertThat(puts.get(ContentHash.of(vocals)).get()).isEqualTo(3);
        assertThat(puts.get(stemsHash + "/3").get()).as("stems.zip was verified; not sent again").isEqualTo(1);
        assertThat(tokens).isNotEmpty().allMatch(TOKEN::equals);
    }

    private List<Map.Entry<String, String>> rowStates() {
        return browser.findElements(By.cssSelector("#push-list li")).stream()
                .map(row -> Map.entry(row.findElement(By.className("push-path")).getText(),
                        row.findElement(By.className("push-state")).getText()))
                .toList();
    }

    // The page: the push form rendered from its template, in the least of a layout.
    private static String page() {
        FileTemplateResolver files = new FileTemplateResolver();
        files.setPrefix("src/main/webapp/WEB-INF/views/");
        files.setSuffix(".html");
        files.setResolvablePatterns(Set.of("projects/*"));
        files.setOrder(1);
        StringTemplateResolver strings = new StringTemplateResolver();
        strings.setOrder(2);
        TemplateEngine engine = new TemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(strings);
        Context context = new Context();
        context.setVariable("project", Map.of("publicId", "7"));
        context.setVariable("base", 3);
        context.setVariable("assets", new TestAssets());
        return engine.process("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Push</title>
                <meta name="csrf-token" content="%s">
                <script src="/static/js/soundhub.js" defer></script></head>
                <body><main id="main"><form th:replace="~{projects/push-form :: form(${project}, ${base})}"></form></main></body></html>
                """.formatted(TOKEN), context);
    }

    public static final class TestAssets {
        public String site(String path) {
            return "/static/" + path + "?v=test";
        }
    }

    // A stand-in for the API ------------------------------------------------------------------

    private void api(HttpExchange exchange) throws java.io.IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring("/api/v1/projects/7".length());
        if (!method.equals("GET")) {
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-CSRF-Token")));
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/pushes")) {
            JsonObject push = Json.createReader(new ByteArrayInputStream(body)).readObject();
            pushes.add(push);
            JsonArrayBuilder missing = Json.createArrayBuilder();
            for (JsonObject file : push.getJsonArray("files").getValuesAs(JsonObject.class)) {
                String hash = file.getString("hash");
                long size = file.getJsonNumber("size").longValue();
                pathOfHash.put(hash, file.getString("path"));
                if (file.getString("path").equals("notes/lyrics.txt")) {
                    continue; // as it was in revision 3
                }
                JsonObject upload;
                if (size > 5 * MIB) {
                    int parts = (int) ((size + 5 * MIB - 1) / (5 * MIB));
                    partsOfHash.put(hash, parts);
                    upload = Json.createObjectBuilder().add("partSize", 5 * MIB).add("parts", parts(hash, parts)).build();
                } else {
                    upload = Json.createObjectBuilder().add("url", "/storage/" + hash).build();
                }
                missing.add(Json.createObjectBuilder().add("hash", hash).add("size", size)
                        .add("paths", Json.createArrayBuilder().add(file.getString("path"))).add("upload", upload));
            }
            json(exchange, 201, Json.createObjectBuilder().add("id", "push-1").add("base", 3)
                    .add("changes", Json.createObjectBuilder()
                            .add("added", Json.createArrayBuilder().add("stems.zip").add("vocals.wav"))
                            .add("changed", Json.createArrayBuilder())
                            .add("removed", Json.createArrayBuilder().add("old take.wav")))
                    .add("missing", missing).build());
            return;
        }
        if (path.startsWith("/pushes/push-1/contents/")) {
            String hash = path.substring("/pushes/push-1/contents/".length());
            Integer parts = partsOfHash.get(hash);
            if (method.equals("GET")) {
                JsonArrayBuilder list = Json.createArrayBuilder();
                for (int n = 1; n <= parts; n++) {
                    list.add(Json.createObjectBuilder().add("number", n).add("url", "/storage/" + hash + "/" + n)
                            .add("uploaded", stored.containsKey(hash + "/" + n)));
                }
                json(exchange, 200, Json.createObjectBuilder().add("hash", hash).add("verified", false)
                        .add("partSize", 5 * MIB).add("parts", list).build());
                return;
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (parts == null) {
                content.writeBytes(stored.getOrDefault(hash, new byte[0]));
            } else {
                for (int n = 1; n <= parts; n++) {
                    content.writeBytes(stored.getOrDefault(hash + "/" + n, new byte[0]));
                }
            }
            if (ContentHash.of(content.toByteArray()).equals(hash)) {
                json(exchange, 200, Json.createObjectBuilder().add("hash", hash).add("size", content.size())
                        .add("verified", true).build());
            } else {
                json(exchange, 422, problem("The uploaded file does not match.", pathOfHash.get(hash), "It did not arrive whole."));
            }
            return;
        }
        if (method.equals("POST") && path.equals("/pushes/push-1/commit")) {
            commits.add(Json.createReader(new ByteArrayInputStream(body)).readObject().getString("message"));
            if (commits.size() == 1) {
                json(exchange, 422, problem("Storage never got some of the files.", "vocals.wav", "Its content was never uploaded."));
            } else {
                json(exchange, 201, Json.createObjectBuilder().add("revision", 4).add("parent", 3).add("base", 3)
                        .add("rebased", false).add("replaced", Json.createArrayBuilder()).build());
            }
            return;
        }
        json(exchange, 404, Json.createObjectBuilder().add("status", 404).add("error", "Not found").build());
    }

    private static JsonArrayBuilder parts(String hash, int parts) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (int n = 1; n <= parts; n++) {
            list.add(Json.createObjectBuilder().add("number", n).add("url", "/storage/" + hash + "/" + n));
        }
        return list;
    }

    private static JsonObject problem(String error, String path, String message) {
        return Json.createObjectBuilder().add("status", 422).add("error", error)
                .add("files", Json.createArrayBuilder().add(Json.createObjectBuilder().add("path", path).add("message", message)))
                .build();
    }

    private static void json(HttpExchange exchange, int status, JsonValue body) throws java.io.IOException {
        StaticSite.send(exchange, status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    // A stand-in for storage: PUT /storage/{hash} or /storage/{hash}/{part}.
    private void storage(HttpExchange exchange) throws java.io.IOException {
        String key = exchange.getRequestURI().getPath().substring("/storage/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        puts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (!exchange.getRequestMethod().equals("PUT")
                || !"application/octet-stream".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            StaticSite.send(exchange, 400, "text/plain", new byte[0]);
            return;
        }
        if (failOnce.remove(key)) {
            StaticSite.send(exchange, 503, "text/plain", new byte[0]);
            return;
        }
        // The first time vocals.wav arrives it is lost, as if storage had dropped it.
        if (puts.get(key).get() == 1 && key.equals(hashOf("vocals.wav"))) {
            StaticSite.send(exchange, 200, "text/plain", new byte[0]);
            return;
        }
        stored.put(key, body);
        StaticSite.send(exchange, 200, "text/plain", new byte[0]);
    }

    private String hashOf(String path) {
        return pathOfHash.entrySet().stream().filter(e -> e.getValue().equals(path)).map(Map.Entry::getKey)
                .findFirst().orElse("");
    }
}
