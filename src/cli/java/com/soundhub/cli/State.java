package com.soundhub.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a checkout holds, kept in {@code DIR/.soundhub/state.json}: the site, the project, the
 * revision the folder was last brought to, and for each file the hash, size and modification time
 * it had when the client last wrote or pushed it.
 */
final class State {

    /** A file as the client last saw it. */
    record Entry(String hash, long size, long mtime) {
    }

    final String site;
    final String project;
    long revision;
    final Map<String, Entry> files = new TreeMap<>();

    State(String site, String project, long revision) {
        this.site = site;
        this.project = project;
        this.revision = revision;
    }

    static Path file(Path dir) {
        return dir.resolve(ProjectPaths.STATE_FOLDER).resolve("state.json");
    }

    static boolean exists(Path dir) {
        return Files.isRegularFile(file(dir));
    }

    static State load(Path dir) {
        Path file = file(dir);
        if (!Files.isRegularFile(file)) {
            throw new CliException(dir + " holds no SoundHub checkout (no .soundhub/state.json); run soundhub checkout first");
        }
        JsonObject json;
        try {
            json = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException("Cannot read " + file + ": " + e.getMessage());
        }
        State state = new State(Json.requiredString(json, "site"), Json.requiredString(json, "project"),
                Json.requiredNumber(json, "revision"));
        JsonObject files = Json.object(json, "files");
        for (String path : files.keySet()) {
            JsonObject entry = files.getJsonObject(path);
            state.files.put(path, new Entry(Json.requiredString(entry, "hash"), Json.requiredNumber(entry, "size"),
                    Json.number(entry, "mtime", -1)));
        }
        return state;
    }

    void save(Path dir) {
        JsonObjectBuilder files = jakarta.json.Json.createObjectBuilder();
        this.files.forEach((path, entry) -> files.add(path, jakarta.json.Json.createObjectBuilder()
                .add("hash", entry.hash()).add("size", entry.size()).add("mtime", entry.mtime())));
        JsonObject json = jakarta.json.Json.createObjectBuilder()
                .add("site", site)
                .add("project", project)
                .add("revision", revision)
                .add("files", files)
                .build();
        try {
            Path file = file(dir);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "state-", ".tmp");
            Files.writeString(temp, Json.writePretty(json), StandardCharsets.UTF_8);
            Writing.moveIntoPlace(temp, file);
        } catch (IOException e) {
            throw new CliException("Cannot write the checkout's state in " + dir + ": " + e.getMessage());
        }
    }

    /** Records {@code file} as it is on disk now, with the hash its content has. */
    void record(String path, Path file, String hash) throws IOException {
        files.put(path, new Entry(hash, Files.size(file), Files.getLastModifiedTime(file).toMillis()));
    }

    /**
     * True when the file on disk still is what was recorded: same size and time (the fast path), or
     * else the same hash.
     */
    boolean unchanged(String path, LocalFile local, Hashes hashes) {
        Entry entry = files.get(path);
        if (entry == null) {
            return false;
        }
        if (entry.size() != local.size()) {
            return false;
        }
        if (entry.mtime() == local.mtime()) {
            return true;
        }
        return entry.hash().equals(hashes.of(local));
    }

    /** The hash of a local file, from the record when size and time match, else read from disk. */
    String hashOf(LocalFile local, Hashes hashes) {
        Entry entry = files.get(local.path());
        if (entry != null && entry.size() == local.size() && entry.mtime() == local.mtime()) {
            return entry.hash();
        }
        return hashes.of(local);
    }
}
