package com.soundhub.cli;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code soundhub push}: the folder's files are listed with their hashes, the site answers which
 * contents it lacks, those are uploaded a few at a time (in parts for big files, resumed part by
 * part after a failure) and verified, then the push is committed.
 */
final class Pusher {

    private final Api api;
    private final PrintStream out;
    private final int threads;
    private final int attempts;
    private final Duration pause;

    Pusher(Api api, PrintStream out, int threads, int attempts, Duration pause) {
        this.api = api;
        this.out = out;
        this.threads = threads;
        this.attempts = attempts;
        this.pause = pause;
    }

    void push(Path dir, State state, String message) {
        Hashes hashes = new Hashes();
        LocalChanges local = LocalChanges.of(dir, state, hashes);
        if (local.isEmpty()) {
            out.println("Nothing changed since r" + state.revision + "; nothing pushed.");
            return;
        }
        Map<String, String> hashByPath = new TreeMap<>();
        JsonArrayBuilder files = jakarta.json.Json.createArrayBuilder();
        long folderBytes = 0;
        for (LocalFile file : local.files().values()) {
            String hash = state.hashOf(file, hashes);
            hashByPath.put(file.path(), hash);
            folderBytes += file.size();
            files.add(jakarta.json.Json.createObjectBuilder()
                    .add("path", file.path()).add("size", file.size()).add("hash", hash));
        }
        String projectPath = "/api/v1/projects/" + state.project;
        JsonObject started = api.post(projectPath + "/pushes", jakarta.json.Json.createObjectBuilder()
                .add("base", state.revision)
                .add("files", files)
                .add("wholeProject", true)
                .build());
        String pushPath = projectPath + "/pushes/" + Json.requiredString(started, "id");
        JsonObject changes = Json.object(started, "changes");
        int added = Json.array(changes, "added").size();
        int changed = Json.array(changes, "changed").size();
        int removed = Json.array(changes, "removed").size();
        if (added + changed + removed == 0) {
            out.println("Nothing changed against r" + state.revision + "; nothing pushed.");
            return;
        }

        List<JsonObject> missing = Json.objects(Json.array(started, "missing"));
        long uploaded = upload(pushPath, missing, local.files(), hashByPath);

        JsonObject commit = api.post(pushPath + "/commit",
                jakarta.json.Json.createObjectBuilder().add("message", message).build());
        long revision = Json.requiredNumber(commit, "revision");
        boolean rebased = Json.bool(commit, "rebased");

        StringBuilder summary = new StringBuilder("r" + revision + ":");
        List<String> counts = new ArrayList<>();
        if (changed > 0) {
            counts.add(changed + " changed");
        }
        if (added > 0) {
            counts.add(added + " added");
        }
        if (removed > 0) {
            counts.add(removed + " removed");
        }
        summary.append(' ').append(String.join(", ", counts));
        summary.append(", uploaded ").append(Sizes.of(uploaded)).append(" of ").append(Sizes.of(folderBytes));
        if (rebased) {
            long parent = Json.number(commit, "parent", -1);
            summary.append("; rebased onto r").append(parent);
            String author = authorOf(projectPath, parent);
            if (author != null) {
                summary.append(" (").append(author).append("'s push)");
            }
        }
        out.println(summary);
        for (JsonObject replaced : Json.objects(Json.array(commit, "replaced"))) {
            out.println("  " + Json.string(replaced, "path") + ": your version replaced the one of r"
                    + Json.string(replaced, "revision"));
        }

        // The folder now holds what was pushed; without a rebase it is the new revision. After a
        // rebase it still lacks the others' changes, so it stays at its base until a checkout.
        state.files.clear();
        for (LocalFile file : local.files().values()) {
            state.files.put(file.path(), new State.Entry(hashByPath.get(file.path()), file.size(), file.mtime()));
        }
        if (!rebased) {
            state.revision = revision;
        } else {
            out.println("The folder stays at r" + state.revision + " with your files; soundhub checkout "
                    + "brings the others' changes.");
        }
        state.save(dir);
    }

    private String authorOf(String projectPath, long revision) {
        if (revision <= 0) {
            return null;
        }
        try {
            return Json.string(api.get(projectPath + "/revisions/" + revision), "author");
        } catch (CliException e) {
            return null;
        }
    }

    /** Uploads and verifies every missing content, a few at once; gives the bytes uploaded. */
    private long upload(String pushPath, List<JsonObject> missing, Map<String, LocalFile> files, Map<String, String> hashByPath) {
        if (missing.isEmpty()) {
            return 0;
        }
        AtomicLong bytes = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, missing.size()), runnable -> {
            Thread thread = new Thread(runnable, "soundhub-upload");
            thread.setDaemon(true);
            return thread;
        });
        List<String> failures = new ArrayList<>();
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (JsonObject content : missing) {
                uploads.add(pool.submit(() -> {
                    LocalFile file = fileFor(content, files, hashByPath);
                    uploadContent(pushPath, content, file);
                    bytes.addAndGet(file.size());
                    synchronized (out) {
                        out.println("  uploaded " + file.path() + " (" + Sizes.of(file.size()) + ") ["
                                + done.incrementAndGet() + "/" + missing.size() + "]");
                    }
                    return null;
                }));
            }
            for (int i = 0; i < uploads.size(); i++) {
                try {
                    uploads.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    String name = String.join(", ", Json.strings(Json.array(missing.get(i), "paths")));
                    if (cause instanceof CliException problem) {
                        failures.add(name + ": " + problem.getMessage());
                        problem.details().forEach(detail -> failures.add("  " + detail));
                    } else {
                        failures.add(name + ": " + cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CliException("Interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new CliException("Not pushed: " + failures.stream().filter(f -> !f.startsWith("  ")).count()
                    + " of " + missing.size() + " files could not be uploaded (run push again to retry):", failures);
        }
        return bytes.get();
    }

    private static LocalFile fileFor(JsonObject content, Map<String, LocalFile> files, Map<String, String> hashByPath) {
        String hash = Json.requiredString(content, "hash");
        for (String path : Json.strings(Json.array(content, "paths"))) {
            LocalFile file = files.get(path);
            if (file != null && hash.equals(hashByPath.get(path))) {
                return file;
            }
        }
        for (Map.Entry<String, String> entry : hashByPath.entrySet()) {
            if (entry.getValue().equals(hash)) {
                return files.get(entry.getKey());
            }
        }
        throw new CliException("The site asked for a content the folder does not hold (" + hash + ")");
    }

    /** Uploads one content, single or in parts, and has the site verify it; one more full upload if it does not verify. */
    private void uploadContent(String pushPath, JsonObject content, LocalFile file) {
        String hash = Json.requiredString(content, "hash");
        JsonObject upload = Json.object(content, "upload");
        String contentPath = pushPath + "/contents/" + hash;
        for (int round = 1; ; round++) {
            if (upload.containsKey("parts")) {
                uploadParts(contentPath, upload, file);
            } else {
                String url = Json.requiredString(upload, "url");
                retrying(file.path(), () -> api.put(url, slice(file.file(), 0, file.size())));
            }
            try {
                JsonObject verified = api.post(contentPath, jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
                if (Json.bool(verified, "verified")) {
                    return;
                }
                if (round > 1) {
                    throw new CliException("the site did not verify it");
                }
            } catch (Api.ServerError e) {
                if (e.status() != 422 || round > 1) {
                    throw e;
                }
            }
        }
    }

    /**
     * The parts of a multipart upload; a part that fails is tried again a few times, and then the
     * site is asked which parts it has, and only the others are sent, a few rounds.
     */
    private void uploadParts(String contentPath, JsonObject upload, LocalFile file) {
        long partSize = Json.requiredNumber(upload, "partSize");
        List<JsonObject> toSend = Json.objects(Json.array(upload, "parts"));
        for (int round = 1; ; round++) {
            CliException failed = null;
            for (JsonObject part : toSend) {
                long number = Json.requiredNumber(part, "number");
                long offset = (number - 1) * partSize;
                long length = Math.max(0, Math.min(partSize, file.size() - offset));
                String url = Json.requiredString(part, "url");
                try {
                    retrying(file.path() + " part " + number,
                            () -> api.put(url, slice(file.file(), offset, length)));
                } catch (CliException e) {
                    failed = e;
                }
            }
            if (failed == null) {
                return;
            }
            if (round >= attempts) {
                throw failed;
            }
            // Resume: ask the site which parts it has and send only the others.
            JsonObject status = api.get(contentPath);
            toSend = new ArrayList<>();
            for (JsonObject part : Json.objects(Json.array(status, "parts"))) {
                if (!Json.bool(part, "uploaded")) {
                    toSend.add(part);
                }
            }
            if (toSend.isEmpty()) {
                return;
            }
            synchronized (out) {
                out.println("  resuming " + file.path() + ": " + toSend.size() + (toSend.size() == 1 ? " part" : " parts") + " left");
            }
        }
    }

    private interface Call {
        void run();
    }

    private void retrying(String what, Call call) {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (Api.ServerError e) {
                if (e.status() < 500 && e.status() != 408 && e.status() != 429 || attempt >= attempts) {
                    throw e;
                }
            } catch (Api.Unreachable e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause.toMillis() * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("Interrupted while uploading " + what);
            }
        }
    }

    /** {@code length} bytes of {@code file} from {@code offset}, read when sent, with their length declared. */
    static HttpRequest.BodyPublisher slice(Path file, long offset, long length) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                FileChannel channel = FileChannel.open(file);
                channel.position(offset);
                return new Limited(Channels.newInputStream(channel), length);
            } catch (IOException e) {
                throw new CliException("Cannot read " + file + ": " + e.getMessage());
            }
        }), length);
    }

    /** At most {@code left} bytes of another stream. */
    private static final class Limited extends InputStream {

        private final InputStream in;
        private long left;

        Limited(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
