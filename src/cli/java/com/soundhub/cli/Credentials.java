package com.soundhub.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Personal access tokens by site, in {@code ~/.soundhub/credentials} (readable by its owner only),
 * and the site last logged in to, which a bare project id refers to.
 */
final class Credentials {

    private final Path file;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private String current;

    private Credentials(Path file) {
        this.file = file;
    }

    static Credentials load(Path home) {
        Credentials credentials = new Credentials(home.resolve(".soundhub").resolve("credentials"));
        if (Files.isRegularFile(credentials.file)) {
            try {
                JsonObject json = Json.parseObject(Files.readString(credentials.file, StandardCharsets.UTF_8));
                JsonObject sites = Json.object(json, "sites");
                for (String site : sites.keySet()) {
                    String token = Json.string(sites, site);
                    if (token != null) {
                        credentials.tokens.put(site, token);
                    }
                }
                credentials.current = Json.string(json, "current");
            } catch (IOException e) {
                throw new CliException("Cannot read " + credentials.file + ": " + e.getMessage());
            }
        }
        return credentials;
    }

    String token(String site) {
        return tokens.get(site);
    }

    /** The site last logged in to, or null. */
    String currentSite() {
        return current != null && tokens.containsKey(current) ? current : null;
    }

    void put(String site, String token) {
        tokens.put(site, token);
        current = site;
    }

    boolean forget(String site) {
        boolean had = tokens.remove(site) != null;
        if (site.equals(current)) {
            current = tokens.isEmpty() ? null : tokens.keySet().iterator().next();
        }
        return had;
    }

    void save() {
        JsonObjectBuilder sites = jakarta.json.Json.createObjectBuilder();
        tokens.forEach(sites::add);
        JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder().add("sites", sites);
        if (current != null) {
            json.add("current", current);
        }
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            Path temp = posix
                    ? Files.createTempFile(dir, "credentials-", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, "credentials-", ".tmp");
            Files.writeString(temp, Json.writePretty(json.build()), StandardCharsets.UTF_8);
            Writing.moveIntoPlace(temp, file);
            if (posix) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new CliException("Cannot write " + file + ": " + e.getMessage());
        }
    }

    Path file() {
        return file;
    }
}
