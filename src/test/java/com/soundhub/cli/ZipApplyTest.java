package com.soundhub.cli;

import com.soundhub.projects.contents.ContentHash;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing a revision's zip, and a zip of changes, into a folder. */
class ZipApplyTest {

    @TempDir
    Path dir;

    @Test
    void aWholeRevisionIsWrittenAndRecorded() throws IOException {
        State state = new State("https://soundhub.example", "42", 2);
        ZipApply.Result result = ZipApply.whole(new ByteArrayInputStream(zip(null, files("mix.wav", "mix", "stems/bass.wav", "bass"))), dir, state);

        assertThat(result.written()).isEqualTo(2);
        assertThat(read("stems/bass.wav")).isEqualTo("bass");
        assertThat(state.files.get("mix.wav").hash()).isEqualTo(hash("mix"));
        assertThat(state.files.get("mix.wav").size()).isEqualTo(3);
        assertThat(state.files.get("mix.wav").mtime()).isEqualTo(Files.getLastModifiedTime(dir.resolve("mix.wav")).toMillis());
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void entriesLeavingTheFolderAreRefused() {
        State state = new State("https://soundhub.example", "42", 1);
        for (String bad : List.of("../evil.wav", "/abs.wav", "a/../../evil.wav", ".soundhub/state.json")) {
            assertThatThrownBy(() -> ZipApply.whole(new ByteArrayInputStream(zip(null, files(bad, "x"))), dir.resolve("into"), state))
                    .as(bad).isInstanceOf(CliException.class);
        }
        assertThat(Files.exists(dir.resolve("evil.wav"))).isFalse();
        assertThat(Files.exists(dir.getParent().resolve("evil.wav"))).isFalse();
    }

    @Test
    void changesWriteAddRemoveAndSkipWhatIsAlreadyThere() throws IOException {
        State state = checkout(files("keep.wav", "keep", "bass.wav", "bass v1", "old/gone.wav", "gone", "mine.wav", "mine"));

        byte[] changes = zip(changesEntry(3, List.of("old/gone.wav"), files("bass.wav", "bass v2", "new/pad.wav", "pad", "mine.wav", "mine")),
                files("bass.wav", "bass v2", "new/pad.wav", "pad", "mine.wav", "mine"));
        ZipApply.Result result = ZipApply.changes(new ByteArrayInputStream(changes), dir, state, false);

        assertThat(result.written()).isEqualTo(2);
        assertThat(result.alreadyThere()).isEqualTo(1);
        assertThat(result.removed()).isEqualTo(1);
        assertThat(read("bass.wav")).isEqualTo("bass v2");
        assertThat(read("new/pad.wav")).isEqualTo("pad");
        assertThat(Files.exists(dir.resolve("old"))).as("the emptied folder goes too").isFalse();
        assertThat(state.revision).isEqualTo(3);
        assertThat(state.files.keySet()).containsExactlyInAnyOrder("keep.wav", "bass.wav", "new/pad.wav", "mine.wav");
        assertThat(state.files.get("bass.wav").hash()).isEqualTo(hash("bass v2"));
    }

    @Test
    void localEditsStopTheWholeCheckoutBeforeAnythingIsWritten() throws IOException {
        State state = checkout(files("bass.wav", "bass v1", "drums.wav", "drums v1", "vox.wav", "vox"));
        Files.writeString(dir.resolve("drums.wav"), "my drums");
        Files.setLastModifiedTime(dir.resolve("drums.wav"), FileTime.fromMillis(5_000));
        Files.writeString(dir.resolve("vox.wav"), "my vox!");
        Files.writeString(dir.resolve("pad.wav"), "my own pad, never checked in");

        byte[] changes = zip(changesEntry(2, List.of("vox.wav"), files("bass.wav", "bass v2", "drums.wav", "drums v2", "pad.wav", "pad")),
                files("bass.wav", "bass v2", "drums.wav", "drums v2", "pad.wav", "pad"));
        assertThatThrownBy(() -> ZipApply.changes(new ByteArrayInputStream(changes), dir, state, false))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("nothing was written")
                .satisfies(e -> assertThat(((CliException) e).details()).hasSize(3)
                        .anyMatch(line -> line.startsWith("drums.wav") && line.contains("overwritten"))
                        .anyMatch(line -> line.startsWith("vox.wav") && line.contains("removed"))
                        .anyMatch(line -> line.startsWith("pad.wav") && line.contains("not in the checkout")));
        assertThat(read("bass.wav")).isEqualTo("bass v1");
        assertThat(read("drums.wav")).isEqualTo("my drums");
        assertThat(read("vox.wav")).isEqualTo("my vox!");
        assertThat(state.revision).isEqualTo(1);

        ZipApply.changes(new ByteArrayInputStream(changes), dir, state, true);
        assertThat(read("bass.wav")).isEqualTo("bass v2");
        assertThat(read("drums.wav")).isEqualTo("drums v2");
        assertThat(read("pad.wav")).isEqualTo("pad");
        assertThat(Files.exists(dir.resolve("vox.wav"))).isFalse();
        assertThat(state.revision).isEqualTo(2);
    }

    @Test
    void aDamagedEntryIsNotMovedIntoPlace() throws IOException {
        State state = checkout(files("bass.wav", "bass v1"));
        byte[] changes = zip(changesEntry(2, List.of(), files("bass.wav", "bass v2")), files("bass.wav", "bass v3?"));
        assertThatThrownBy(() -> ZipApply.changes(new ByteArrayInputStream(changes), dir, state, false))
                .isInstanceOf(CliException.class).hasMessageContaining("damaged");
        assertThat(read("bass.wav")).isEqualTo("bass v1");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aZipOfChangesMustListItself() {
        State state = new State("https://soundhub.example", "42", 1);
        assertThatThrownBy(() -> ZipApply.changes(new ByteArrayInputStream(zip(null, files("a.wav", "a"))), dir, state, false))
                .isInstanceOf(CliException.class).hasMessageContaining(".soundhub-changes.json");
    }

    private State checkout(Map<String, String> files) throws IOException {
        State state = new State("https://soundhub.example", "42", 1);
        ZipApply.whole(new ByteArrayInputStream(zip(null, files)), dir, state);
        return state;
    }

    static Map<String, String> files(String... pathsAndContents) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return files;
    }

    static byte[] changesEntry(long to, List<String> removed, Map<String, String> files) {
        JsonArrayBuilder listed = Json.createArrayBuilder();
        files.forEach((path, content) -> listed.add(Json.createObjectBuilder().add("path", path).add("hash", hash(content))
                .add("size", content.length())));
        return Json.createObjectBuilder().add("project", "42").add("from", 1).add("to", to)
                .add("removed", Json.createArrayBuilder(removed)).add("files", listed)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zip(byte[] changesEntry, Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (changesEntry != null) {
                FakeSite.stored(zip, ZipApply.CHANGES_ENTRY, changesEntry);
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                FakeSite.stored(zip, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    static String hash(String content) {
        return ContentHash.of(content.getBytes(StandardCharsets.UTF_8));
    }

    private String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().startsWith(ProjectPaths.TEMP_PREFIX)).toList();
        }
    }
}
