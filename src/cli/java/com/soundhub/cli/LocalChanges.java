package com.soundhub.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How a folder differs from what its checkout state recorded. */
record LocalChanges(List<String> added, List<String> modified, List<String> removed, Map<String, LocalFile> files) {

    static LocalChanges of(Path dir, State state, Hashes hashes) {
        Map<String, LocalFile> files = FolderScan.scan(dir);
        List<String> added = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        files.forEach((path, local) -> {
            if (!state.files.containsKey(path)) {
                added.add(path);
            } else if (!state.unchanged(path, local, hashes)) {
                modified.add(path);
            }
        });
        for (String path : state.files.keySet()) {
            if (!files.containsKey(path)) {
                removed.add(path);
            }
        }
        return new LocalChanges(List.copyOf(added), List.copyOf(modified), List.copyOf(removed), files);
    }

    boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
    }

    int count() {
        return added.size() + modified.size() + removed.size();
    }
}
