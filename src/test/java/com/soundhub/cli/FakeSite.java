package com.soundhub.cli;

import com.soundhub.projects.contents.ContentHash;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A unit-level stand-in for the site's co-production API (docs/PROJECTS-API.md), on the JDK's HTTP
 * server: one project, revisions in memory, uploads to its own addresses. Not the real server; the
 * integration test against the WAR checks that.
 */
final class FakeSite implements AutoCloseable {

    static final String TOKEN = "shp_test_token";
    static final String PROJECT = "42";

    record Revision(long number, long parent, String author, String message, Map<String, byte[]> files,
                    int added, int changed, int removed) {
    }

    record Push(long base, Map<String, String> files, List<String> added, List<String> changed, List<String> removed) {
    }

    final HttpServer server;
    final String site;
    final List<Revision> revisions = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    final Map<String, byte[]> singleUploads = new ConcurrentHashMap<>();
    final Map<String, Map<Integer, byte[]>> partUploads = new ConcurrentHashMap<>();
    final Map<String, Push> pushes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Uploads bigger than this go in parts of {@link #partSize}. */
    volatile long multipartOver = 2500;
    volatile int partSize = 1000;
    /** "hash/part" -> how many more times that part's PUT fails with 500. */
    final Map<String, AtomicInteger> failingParts = new ConcurrentHashMap<>();
    volatile boolean tokenRevoked;
    /** Single uploads arrive with a byte too many, so they never verify. */
    volatile boolean corruptUploads;
    private final AtomicInteger pushIds = new AtomicInteger();

    FakeSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        site = "http://127.0.0.1:" + server.getAddress().getPort();
        revisions.add(new Revision(0, 0, null, null, Map.of(), 0, 0, 0));
    }

    String projectUrl() {
        return site + "/projects/" + PROJECT;
    }

    long head() {
        return revisions.get(revisions.size() - 1).number();
    }

    Map<String, byte[]> files(long revision) {
        return revisions.get((int) revision).files();
    }

    /** Another member's push straight onto the head: files to put (null content removes). */
    synchronized void pushAs(String author, String message, Map<String, byte[]> change) {
        Map<String, byte[]> files = new TreeMap<>(files(head()));
        int added = 0;
        int changed = 0;
        int removed = 0;
        for (Map.Entry<String, byte[]> entry : change.entrySet()) {
            if (entry.getValue() == null) {
                removed += files.remove(entry.getKey()) != null ? 1 : 0;
            } else {
                if (files.put(entry.getKey(), entry.getValue()) == null) {
                    added++;
                } else {
                    changed++;
                }
            }
        }
        revisions.add(new Revision(head() + 1, head(), author, message, files, added, changed, removed));
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---- the API ----

    private static final Pattern PROJECT_PATH = Pattern.compile("/api/v1/projects/([^/]+)(/.*)?");

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            requests.add(method + " " + uri);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/uploads/")) {
                upload(exchange, method, path, body);
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (tokenRevoked || !("Bearer " + TOKEN).equals(authorization)) {
                error(exchange, 401, "Sign in or send a personal access token", null);
                return;
            }
            if (method.equals("GET") && path.equals("/api/v1/me")) {
                json(exchange, 200, Json.createObjectBuilder().add("nickname", "mina").add("scope", "write").build());
                return;
            }
            if (method.equals("DELETE") && path.equals("/api/v1/tokens/current")) {
                tokenRevoked = true;
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Matcher project = PROJECT_PATH.matcher(path);
            if (!project.matches() || !project.group(1).equals(PROJECT)) {
                error(exchange, 404, "No such project", null);
                return;
            }
            String rest = project.group(2) == null ? "" : project.group(2);
            project(exchange, method, rest, uri.getQuery(), body);
        } catch (RuntimeException e) {
            error(exchange, 500, "fake site failed: " + e, null);
        }
    }

    private void project(HttpExchange exchange, String method, String rest, String query, byte[] body) throws IOException {
        Matcher m;
        if (method.equals("GET") && rest.isEmpty()) {
            json(exchange, 200, Json.createObjectBuilder().add("id", PROJECT).add("title", "Night Drive")
                    .add("head", head()).add("role", "OWNER").build());
        } else if (method.equals("GET") && rest.equals("/revisions")) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (int i = revisions.size() - 1; i >= 1; i--) {
                Revision r = revisions.get(i);
                list.add(Json.createObjectBuilder().add("number", r.number()).add("parent", r.parent())
                        .add("author", r.author()).add("message", r.message())
                        .add("createdAt", "2026-12-06T20:3" + (i % 10) + ":00Z")
                        .add("added", r.added()).add("changed", r.changed()).add("removed", r.removed()));
            }
            json(exchange, 200, Json.createObjectBuilder().add("revisions", list).build());
        } else if (method.equals("GET") && (m = Pattern.compile("/revisions/(\\d+)").matcher(rest)).matches()) {
            Revision r = revisions.get(Integer.parseInt(m.group(1)));
            json(exchange, 200, Json.createObjectBuilder().add("number", r.number()).add("author", r.author())
                    .add("message", r.message()).build());
        } else if (method.equals("GET") && (m = Pattern.compile("/revisions/(\\d+)/zip").matcher(rest)).matches()) {
            zip(exchange, Integer.parseInt(m.group(1)), query);
        } else if (method.equals("POST") && rest.equals("/pushes")) {
            startPush(exchange, read(body));
        } else if ((m = Pattern.compile("/pushes/(\\d+)/contents/([0-9a-f]{64})").matcher(rest)).matches()) {
            if (method.equals("POST")) {
                verify(exchange, m.group(2));
            } else {
                contentStatus(exchange, m.group(2));
            }
        } else if (method.equals("POST") && (m = Pattern.compile("/pushes/(\\d+)/commit").matcher(rest)).matches()) {
            commit(exchange, pushes.get(m.group(1)), read(body));
        } else {
            error(exchange, 404, "No such address", null);
        }
    }

    private void zip(HttpExchange exchange, int to, String query) throws IOException {
        Map<String, byte[]> files = files(to);
        Map<String, byte[]> entries = new TreeMap<>(files);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (query != null && query.startsWith("since=")) {
                Map<String, byte[]> from = files(Integer.parseInt(query.substring("since=".length())));
                entries.entrySet().removeIf(e -> from.containsKey(e.getKey()) && java.util.Arrays.equals(from.get(e.getKey()), e.getValue()));
                JsonArrayBuilder removed = Json.createArrayBuilder();
                from.keySet().stream().filter(path -> !files.containsKey(path)).forEach(removed::add);
                JsonArrayBuilder listed = Json.createArrayBuilder();
                entries.forEach((path, content) -> listed.add(Json.createObjectBuilder().add("path", path)
                        .add("hash", ContentHash.of(content)).add("size", content.length)));
                byte[] changes = Json.createObjectBuilder().add("project", PROJECT).add("from", Integer.parseInt(query.substring(6)))
                        .add("to", to).add("removed", removed).add("files", listed).build().toString().getBytes(StandardCharsets.UTF_8);
                stored(zip, ".soundhub-changes.json", changes);
            }
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                stored(zip, entry.getKey(), entry.getValue());
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/zip");
        exchange.sendResponseHeaders(200, bytes.size());
        exchange.getResponseBody().write(bytes.toByteArray());
    }

    static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private void startPush(HttpExchange exchange, JsonObject request) throws IOException {
        long base = request.getJsonNumber("base").longValue();
        Map<String, byte[]> baseFiles = files(base);
        Map<String, String> files = new TreeMap<>();
        for (JsonValue value : request.getJsonArray("files")) {
            JsonObject file = value.asJsonObject();
            files.put(file.getString("path"), file.getString("hash"));
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        files.forEach((path, hash) -> {
            if (!baseFiles.containsKey(path)) {
                added.add(path);
            } else if (!ContentHash.of(baseFiles.get(path)).equals(hash)) {
                changed.add(path);
            }
        });
        if (request.getBoolean("wholeProject", false)) {
            baseFiles.keySet().stream().filter(path -> !files.containsKey(path)).forEach(removed::add);
        }
        String id = String.valueOf(pushIds.incrementAndGet());
        pushes.put(id, new Push(base, files, added, changed, removed));
        Map<String, Set<String>> missing = new TreeMap<>();
        Map<String, Long> sizes = new TreeMap<>();
        for (JsonValue value : request.getJsonArray("files")) {
            JsonObject file = value.asJsonObject();
            String hash = file.getString("hash");
            String path = file.getString("path");
            pushedSizes.put(hash, file.getJsonNumber("size").longValue());
            if ((added.contains(path) || changed.contains(path)) && !stored.containsKey(hash)) {
                missing.computeIfAbsent(hash, h -> new LinkedHashSet<>()).add(path);
                sizes.put(hash, file.getJsonNumber("size").longValue());
            }
        }
        JsonArrayBuilder missingJson = Json.createArrayBuilder();
        missing.forEach((hash, paths) -> missingJson.add(Json.createObjectBuilder().add("hash", hash)
                .add("size", sizes.get(hash)).add("paths", Json.createArrayBuilder(List.copyOf(paths)))
                .add("upload", upload(hash, sizes.get(hash)))));
        json(exchange, 201, Json.createObjectBuilder().add("id", id).add("base", base)
                .add("changes", Json.createObjectBuilder().add("added", Json.createArrayBuilder(added))
                        .add("changed", Json.createArrayBuilder(changed)).add("removed", Json.createArrayBuilder(removed)))
                .add("missing", missingJson).build());
    }

    private JsonObjectBuilder upload(String hash, long size) {
        if (size <= multipartOver) {
            // Another origin, as presigned storage addresses are: the token must not go there.
            return Json.createObjectBuilder().add("url", "http://localhost:" + server.getAddress().getPort() + "/uploads/" + hash);
        }
        return Json.createObjectBuilder().add("partSize", partSize).add("parts", parts(hash, size, false));
    }

    private JsonArrayBuilder parts(String hash, long size, boolean withState) {
        JsonArrayBuilder parts = Json.createArrayBuilder();
        long count = (size + partSize - 1) / partSize;
        for (int number = 1; number <= count; number++) {
            JsonObjectBuilder part = Json.createObjectBuilder().add("number", number)
                    // Relative on purpose: the client resolves upload addresses against the site.
                    .add("url", "/uploads/" + hash + "/parts/" + number);
            if (withState) {
                part.add("uploaded", partUploads.getOrDefault(hash, Map.of()).containsKey(number));
            }
            parts.add(part);
        }
        return parts;
    }

    private void upload(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        Matcher part = Pattern.compile("/uploads/([0-9a-f]{64})/parts/(\\d+)").matcher(path);
        boolean otherOrigin = !part.matches();
        if (!method.equals("PUT") || !"application/octet-stream".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                || otherOrigin && exchange.getRequestHeaders().getFirst("Authorization") != null) {
            error(exchange, 400, "uploads are a PUT of octets, with no token sent to another origin", null);
            return;
        }
        if (part.matches()) {
            AtomicInteger failures = failingParts.get(part.group(1) + "/" + part.group(2));
            if (failures != null && failures.getAndDecrement() > 0) {
                error(exchange, 500, "storage hiccup", null);
                return;
            }
            partUploads.computeIfAbsent(part.group(1), h -> new ConcurrentHashMap<>()).put(Integer.parseInt(part.group(2)), body);
        } else {
            byte[] kept = corruptUploads ? java.util.Arrays.copyOf(body, body.length + 1) : body;
            singleUploads.put(path.substring("/uploads/".length()), kept);
        }
        exchange.sendResponseHeaders(200, -1);
    }

    private void verify(HttpExchange exchange, String hash) throws IOException {
        byte[] content = singleUploads.get(hash);
        Map<Integer, byte[]> parts = partUploads.get(hash);
        if (content == null && parts != null) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            new TreeMap<>(parts).values().forEach(joined::writeBytes);
            content = joined.toByteArray();
        }
        if (content == null || !ContentHash.of(content).equals(hash)) {
            error(exchange, 422, "The uploaded content does not match its hash", hash);
            return;
        }
        stored.put(hash, content);
        json(exchange, 200, Json.createObjectBuilder().add("hash", hash).add("size", content.length).add("verified", true).build());
    }

    private void contentStatus(HttpExchange exchange, String hash) throws IOException {
        long size = pushedSizes.getOrDefault(hash, 0L);
        json(exchange, 200, Json.createObjectBuilder().add("hash", hash).add("size", size)
                .add("verified", stored.containsKey(hash)).add("partSize", partSize)
                .add("parts", parts(hash, size, true)).build());
    }

    final Map<String, Long> pushedSizes = new ConcurrentHashMap<>();

    private synchronized void commit(HttpExchange exchange, Push push, JsonObject request) throws IOException {
        List<JsonObject> notUploaded = new ArrayList<>();
        for (String path : concat(push.added(), push.changed())) {
            if (!stored.containsKey(push.files().get(path))) {
                notUploaded.add(Json.createObjectBuilder().add("path", path).add("message", "was never uploaded").build());
            }
        }
        if (!notUploaded.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            JsonObject answer = Json.createObjectBuilder().add("status", 422).add("error", "Some files were not uploaded")
                    .add("files", Json.createArrayBuilder(notUploaded)).build();
            send(exchange, 422, answer.toString());
            return;
        }
        long head = head();
        boolean rebased = head != push.base();
        Map<String, byte[]> files = new TreeMap<>(files(head));
        JsonArrayBuilder replaced = Json.createArrayBuilder();
        for (String path : concat(push.added(), push.changed())) {
            byte[] before = files.get(path);
            byte[] atBase = files(push.base()).get(path);
            if (rebased && before != null && !java.util.Arrays.equals(before, atBase)) {
                replaced.add(Json.createObjectBuilder().add("path", path).add("revision", head));
            }
            files.put(path, stored.get(push.files().get(path)));
        }
        push.removed().forEach(files::remove);
        long number = head + 1;
        revisions.add(new Revision(number, head, "mina", request.getString("message"), files,
                push.added().size(), push.changed().size(), push.removed().size()));
        json(exchange, 201, Json.createObjectBuilder().add("revision", number).add("parent", head)
                .add("base", push.base()).add("rebased", rebased).add("replaced", replaced).build());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Collections.unmodifiableList(all);
    }

    private static JsonObject read(byte[] body) {
        return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
    }

    private static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, body.toString());
    }

    private static void error(HttpExchange exchange, int status, String message, String hashForFiles) throws IOException {
        JsonObjectBuilder error = Json.createObjectBuilder().add("status", status).add("error", message);
        if (hashForFiles != null) {
            error.add("files", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("path", hashForFiles).add("message", "size or hash differ")));
        }
        json(exchange, status, error.build());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
