package com.soundhub.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Uploading as the upload page's script does it: ask for a slot, PUT to storage, confirm, follow. */
public final class Uploads {

    private static final HttpClient storage = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Uploads() {
    }

    /** Default details for a public recording titled {@code title}. */
    public static Map<String, String> details(String title) {
        Map<String, String> details = new HashMap<>();
        details.put("title", title);
        details.put("description", "");
        details.put("license", "CC_BY");
        details.put("visibility", "PUBLIC");
        return details;
    }

    /** Asks for a slot; returns the raw answer (201 with the slot, or 422 with field errors). */
    public static WebClient.Page requestSlot(WebClient client, Map<String, String> details, String fileName, long size) {
        Map<String, String> form = new HashMap<>(details);
        form.put("fileName", fileName);
        form.put("fileSize", String.valueOf(size));
        String token = csrfToken(client);
        return client.send(HttpRequest.newBuilder(client.base().resolve("/api/uploads"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.urlEncode(form))));
    }

    /** PUTs the file to the slot's presigned URL, as the browser does; returns S3's status. */
    public static int put(JsonObject slot, Path file) {
        try {
            HttpResponse<String> response = storage.send(HttpRequest.newBuilder(URI.create(slot.getString("url")))
                            .header("Content-Type", slot.getString("contentType"))
                            .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static WebClient.Page confirm(WebClient client, JsonObject slot) {
        return client.send(HttpRequest.newBuilder(client.base().resolve(slot.getString("confirm")))
                .header("Accept", "application/json")
                .header("X-CSRF-Token", csrfToken(client))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Slot, PUT and confirm in one go; returns the slot. */
    public static JsonObject upload(WebClient client, Path file, Map<String, String> details) throws IOException {
        WebClient.Page answer = requestSlot(client, details, file.getFileName().toString(), Files.size(file));
        if (answer.status() != 201) {
            throw new AssertionError("No slot: " + answer.status() + " " + answer.body());
        }
        JsonObject slot = json(answer.body());
        int put = put(slot, file);
        if (put != 200) {
            throw new AssertionError("Storage refused the PUT: " + put);
        }
        WebClient.Page confirmed = confirm(client, slot);
        if (confirmed.status() != 200) {
            throw new AssertionError("Confirm failed: " + confirmed.status() + " " + confirmed.body());
        }
        return slot;
    }

    public static JsonObject status(WebClient client, String uploadId) {
        return json(client.get("/api/uploads/" + uploadId).body());
    }

    /** Polls the status endpoint until the upload is finished; returns the final status. */
    public static JsonObject awaitFinished(WebClient client, String uploadId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject status = status(client, uploadId);
            if (status.getBoolean("finished")) {
                return status;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Upload " + uploadId + " not finished after " + timeout.toSeconds() + " s: "
                + status(client, uploadId));
    }

    /**
     * Follows the Server-Sent Events stream until it ends (the server closes it when the upload is
     * finished) or the timeout; returns every status event received.
     */
    public static List<JsonObject> follow(WebClient client, String uploadId, String cookieHeader, Duration timeout)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().build();
        HttpRequest request = HttpRequest.newBuilder(client.base().resolve("/api/uploads/" + uploadId + "/events"))
                .header("Accept", "text/event-stream")
                .header("Cookie", cookieHeader)
                .timeout(timeout)
                .build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("Event stream answered " + response.statusCode());
        }
        List<JsonObject> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(json(line.substring(5).trim()));
                }
            }
        }
        return events;
    }

    public static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String csrfToken(WebClient client) {
        return client.cookie("soundhub_csrf").orElseGet(() -> {
            client.get("/");
            return client.cookie("soundhub_csrf").orElseThrow();
        });
    }
}
