package com.soundhub.cli;

import com.soundhub.projects.contents.ContentHash;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Content hashes of local files, each file read at most once per command. */
final class Hashes {

    private final Map<String, String> known = new HashMap<>();

    String of(LocalFile file) {
        String key = file.path() + "\0" + file.size() + "\0" + file.mtime();
        String hash = known.get(key);
        if (hash == null) {
            try {
                hash = ContentHash.of(file.file());
            } catch (IOException e) {
                throw new CliException("Cannot read " + file.path() + ": " + e.getMessage());
            }
            known.put(key, hash);
        }
        return hash;
    }
}
