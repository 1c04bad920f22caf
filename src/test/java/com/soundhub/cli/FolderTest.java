package com.soundhub.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scanning a project folder, its state file and what counts as a local edit. */
class FolderTest {

    @TempDir
    Path dir;

    @Test
    void scanListsRegularFilesWithSlashPathsAndLeavesOutTheClientsOwn() throws IOException {
        write("mix.wav", "mix");
        write("stems/drums/kick.wav", "kick");
        write(".soundhub/state.json", "{}");
        write("stems/.soundhub-part-123.tmp", "half written");
        write("notes/.soundhub/kept.txt", "only the top-level .soundhub is the client's");
        Files.createSymbolicLink(dir.resolve("link.wav"), dir.resolve("mix.wav"));
        Files.createDirectories(dir.resolve("elsewhere"));
        write("elsewhere/secret.wav", "not in the project");
        Files.createSymbolicLink(dir.resolve("stems/linked-folder"), dir.resolve("elsewhere"));

        assertThat(FolderScan.scan(dir).keySet()).containsExactly(
                "elsewhere/secret.wav", "mix.wav", "notes/.soundhub/kept.txt", "stems/drums/kick.wav");
        LocalFile kick = FolderScan.scan(dir).get("stems/drums/kick.wav");
        assertThat(kick.size()).isEqualTo(4);
        assertThat(kick.file()).isEqualTo(dir.resolve("stems").resolve("drums").resolve("kick.wav"));
    }

    @Test
    void pathsFromTheSiteAreCheckedAndNormalised() {
        assertThat(ProjectPaths.checked("stems\\bass.wav")).isEqualTo("stems/bass.wav");
        assertThat(ProjectPaths.resolve(dir, "stems/bass.wav")).isEqualTo(dir.resolve("stems").resolve("bass.wav"));
        for (String bad : new String[] {"../x.wav", "a/../../x.wav", "/etc/passwd", "C:/x.wav", "a//b.wav", "./a.wav",
                "a/..", ".soundhub/state.json", ".SoundHub/state.json", "..\\x.wav", ""}) {
            assertThatThrownBy(() -> ProjectPaths.checked(bad)).as(bad).isInstanceOf(CliException.class);
        }
    }

    @Test
    void stateSurvivesARoundTrip() {
        State state = new State("https://soundhub.example", "42", 7);
        state.files.put("stems/bass.wav", new State.Entry("a".repeat(64), 12, 1_700_000_000_123L));
        state.save(dir);

        State read = State.load(dir);
        assertThat(read.site).isEqualTo("https://soundhub.example");
        assertThat(read.project).isEqualTo("42");
        assertThat(read.revision).isEqualTo(7);
        assertThat(read.files).containsExactlyEntriesOf(state.files);
        assertThat(Files.exists(dir.resolve(".soundhub/state.json"))).isTrue();
    }

    @Test
    void missingStateSaysWhatToDo() {
        assertThatThrownBy(() -> State.load(dir)).isInstanceOf(CliException.class).hasMessageContaining("soundhub checkout");
    }

    @Test
    void localChangesComeFromSizeAndTimeThenTheHash() throws IOException {
        write("same.wav", "same");
        write("touched.wav", "touched");
        write("edited.wav", "edited");
        write("resized.wav", "resized");
        State state = new State("https://soundhub.example", "42", 3);
        Hashes hashes = new Hashes();
        for (LocalFile file : FolderScan.scan(dir).values()) {
            state.record(file.path(), file.file(), hashes.of(file));
        }
        state.files.put("gone.wav", new State.Entry("b".repeat(64), 1, 1));

        // Same content, new time: the hash says unchanged. Same size and time but other bytes cannot
        // be told apart without hashing everything, so an edit keeps the size but moves the time.
        Files.setLastModifiedTime(dir.resolve("touched.wav"), FileTime.fromMillis(1_000_000));
        write("edited.wav", "EDITED");
        Files.setLastModifiedTime(dir.resolve("edited.wav"), FileTime.fromMillis(2_000_000));
        write("resized.wav", "resized and longer");
        write("new.wav", "new");

        LocalChanges changes = LocalChanges.of(dir, state, new Hashes());
        assertThat(changes.added()).containsExactly("new.wav");
        assertThat(changes.modified()).containsExactly("edited.wav", "resized.wav");
        assertThat(changes.removed()).containsExactly("gone.wav");
        assertThat(changes.count()).isEqualTo(4);
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
