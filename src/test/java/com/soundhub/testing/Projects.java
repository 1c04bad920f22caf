package com.soundhub.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.soundhub.projects.contents.ContentHash;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The co-production API as its clients use it: a signed-in browser's session (with the CSRF
 * header) or a personal access token. Counts the bytes it PUTs to storage, so tests can tell what
 * travelled.
 */
public final class Projects {

    private static final HttpClient storage = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final WebClient client;
    private final AtomicLong uploadedBytes = new AtomicLong();

    public Projects(WebClient client) {
        this.client = client;
    }

    public WebClient client() {
        return client;
    }

    /** Bytes PUT to storage so far. */
    public long uploadedBytes() {
        return uploadedBytes.get();
    }

    public String create(String title, String visibility) {
        return create(title, visibility, "CC_BY");
    }

    public String create(String title, String visibility, String license) {
        WebClient.Page created = post("/api/v1/projects", Json.createObjectBuilder().add("title", title)
                .add("visibility", visibility).add("license", license).add("tempo", 96).build());
        if (created.status() != 201) {
            throw new AssertionError("Project not created: " + created.status() + " " + created.body());
        }
        return json(created.body()).getString("id");
    }

    public WebClient.Page get(String path) {
        return client.send(HttpRequest.newBuilder(client.base().resolve(path)).header("Accept", "application/json").GET());
    }

    public JsonObject getJson(String path) {
        WebClient.Page page = get(path);
        if (page.status() != 200) {
            throw new AssertionError(path + " answered " + page.status() + " " + page.body());
        }
        return json(page.body());
    }

    public WebClient.Page post(String path, JsonValue body) {
        return client.send(HttpRequest.newBuilder(client.base().resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-Token", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Files of a folder, in order: a path, then its bytes, then the next path... */
    public static Map<String, byte[]> files(Object... pathsAndBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndBytes.length; i += 2) {
            files.put((String) pathsAndBytes[i], (byte[]) pathsAndBytes[i + 1]);
        }
        return files;
    }

    /** Starts a push of {@code files} (path to bytes); returns the raw answer. */
    public WebClient.Page start(String project, int base, Map<String, byte[]> files, boolean wholeProject) {
        JsonArrayBuilder listed = Json.createArrayBuilder();
        files.forEach((path, bytes) -> listed.add(Json.createObjectBuilder().add("path", path).add("size", bytes.length)
                .add("hash", ContentHash.of(bytes))));
        return post("/api/v1/projects/" + project + "/pushes", Json.createObjectBuilder().add("base", base)
                .add("files", listed).add("wholeProject", wholeProject).build());
    }

    /** Starts the push of a proposal's take; returns the raw answer. */
    public WebClient.Page startProposal(String project, int base, Map<String, byte[]> files) {
        JsonArrayBuilder listed = Json.createArrayBuilder();
        files.forEach((path, bytes) -> listed.add(Json.createObjectBuilder().add("path", path).add("size", bytes.length)
                .add("hash", ContentHash.of(bytes))));
        return post("/api/v1/projects/" + project + "/pushes", Json.createObjectBuilder().add("base", base)
                .add("files", listed).add("proposal", true).build());
    }

    /** Sends a take and proposes it with {@code note}; returns the proposal. */
    public JsonObject propose(String project, int base, Map<String, byte[]> files, String note) {
        WebClient.Page started = startProposal(project, base, files);
        if (started.status() != 201) {
            throw new AssertionError("Proposal push not started: " + started.status() + " " + started.body());
        }
        JsonObject push = json(started.body());
        upload(project, push, files);
        WebClient.Page proposed = post("/api/v1/projects/" + project + "/proposals",
                Json.createObjectBuilder().add("push", push.getString("id")).add("note", note).build());
        if (proposed.status() != 201) {
            throw new AssertionError("Not proposed: " + proposed.status() + " " + proposed.body());
        }
        return json(proposed.body());
    }

    /** PUTs every missing content of a started push, as the page's script does, then has each checked. */
    public void upload(String project, JsonObject started, Map<String, byte[]> files) {
        Map<String, byte[]> byHash = new LinkedHashMap<>();
        files.values().forEach(bytes -> byHash.put(ContentHash.of(bytes), bytes));
        for (JsonValue value : started.getJsonArray("missing")) {
            JsonObject missing = value.asJsonObject();
            byte[] bytes = byHash.get(missing.getString("hash"));
            JsonObject upload = missing.getJsonObject("upload");
            if (upload.containsKey("url")) {
                put(upload.getString("url"), bytes, 0, bytes.length);
            } else {
                long partSize = upload.getJsonNumber("partSize").longValue();
                for (JsonValue part : upload.getJsonArray("parts")) {
                    int number = part.asJsonObject().getInt("number");
                    int from = (int) ((number - 1) * partSize);
                    put(part.asJsonObject().getString("url"), bytes, from, (int) Math.min(partSize, bytes.length - from));
                }
            }
            WebClient.Page verified = verify(project, started.getString("id"), missing.getString("hash"));
            if (verified.status() != 200) {
                throw new AssertionError("Not verified: " + verified.status() + " " + verified.body());
            }
        }
    }

    public WebClient.Page verify(String project, String push, String hash) {
        return post("/api/v1/projects/" + project + "/pushes/" + push + "/contents/" + hash, JsonValue.EMPTY_JSON_OBJECT);
    }

    public WebClient.Page commit(String project, String push, String message) {
        return post("/api/v1/projects/" + project + "/pushes/" + push + "/commit",
                Json.createObjectBuilder().add("message", message).build());
    }

    /** Start, upload what is missing, commit; returns the commit's answer. */
    public JsonObject push(String project, int base, Map<String, byte[]> files, boolean wholeProject, String message) {
        WebClient.Page started = start(project, base, files, wholeProject);
        if (started.status() != 201) {
            throw new AssertionError("Push not started: " + started.status() + " " + started.body());
        }
        JsonObject push = json(started.body());
        upload(project, push, files);
        WebClient.Page committed = commit(project, push.getString("id"), message);
        if (committed.status() != 201) {
            throw new AssertionError("Push not committed: " + committed.status() + " " + committed.body());
        }
        return json(committed.body());
    }

    /** PUTs {@code length} bytes from {@code from} to a presigned URL; returns storage's status. */
    public int put(String url, byte[] bytes, int from, int length) {
        try {
            HttpResponse<String> response = storage.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, from, length)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                uploadedBytes.addAndGet(length);
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A zip's entries, in order: name to bytes. */
    public Map<String, byte[]> zip(String path) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(client.base().resolve(path))
                    .header("Cookie", client.cookieHeader()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return entries(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getMethod() != ZipEntry.STORED) {
                    throw new AssertionError(entry.getName() + " is not stored");
                }
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    public static JsonObject json(String body) {
        return Uploads.json(body);
    }

    private String csrfToken() {
        return client.cookie("soundhub_csrf").orElseGet(() -> {
            client.get("/");
            return client.cookie("soundhub_csrf").orElseThrow();
        });
    }
}
