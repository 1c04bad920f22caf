package com.soundhub.projects;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed manifest writes each file exactly as the API writes a file anywhere else. */
class ProjectJsonTest {

    @Test
    void aStreamedRevisionsFilesAreWrittenAsEveryOtherFileIs() {
        Instant at = Instant.parse("2026-12-06T20:31:00Z");
        List<ProjectFile> files = List.of(
                new ProjectFile("stems/bass.wav", "a".repeat(64), 1234, 2, at, 3000, 44100, 2, 99L, "DONE", null),
                new ProjectFile("notes.wav", "b".repeat(64), 10, 1, at, null, null, null, 7L, "FAILED", "This file is not audio."),
                new ProjectFile("lyrics.txt", "c".repeat(64), 5, 1, at, null, null, null, 3L, "NONE", null));
        RevisionInfo info = new RevisionInfo(2, 1, 1, 7, "New bass", at, 0, 1, 0, 3, 1249);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectJson.write(new RevisionService.RevisionView(info, "mina", files, List.of()), out);
        JsonObject streamed = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();

        assertThat(streamed.getString("message")).isEqualTo("New bass");
        assertThat(streamed.getJsonArray("files")).hasSize(3);
        for (int i = 0; i < files.size(); i++) {
            assertThat(streamed.getJsonArray("files").getJsonObject(i)).isEqualTo(ProjectJson.file(files.get(i)).build());
        }
        assertThat(streamed.getJsonArray("files").getJsonObject(1).getString("analysisNote")).isEqualTo("This file is not audio.");
    }
}
