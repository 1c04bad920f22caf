package com.soundhub.uploads;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import com.soundhub.jobs.ProgressHub;
import com.soundhub.jobs.media.Progress;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON that the progress page's script (static/js/progress.js) reads. */
class UploadStatusTest {

    static JsonObject json(Record event) {
        try (var reader = Json.createReader(new StringReader(ProgressHub.json(event)))) {
            return reader.readObject();
        }
    }

    @Test
    void aStateChangeCarriesWhatThePageShowsButNotTheHistory() {
        UploadStatus status = new UploadStatus("u1", "FAILED_RETRYING", "Failed, will retry", 0,
                "A temporary problem interrupted processing; it will be retried automatically.", false,
                "/recordings/abc", "Night drive",
                List.of(new UploadStatus.Step("UPLOADED", "Received", Instant.parse("2026-12-07T10:00:00Z"), "Received 10 bytes")));

        JsonObject event = json(status.event());

        assertThat(event.keySet()).containsExactlyInAnyOrder("id", "state", "label", "percent", "reason", "finished",
                "recording", "title");
        assertThat(event.getString("state")).isEqualTo("FAILED_RETRYING");
        assertThat(event.getString("label")).isEqualTo("Failed, will retry");
        assertThat(event.getBoolean("finished")).isFalse();
        assertThat(event.getString("reason")).contains("retried automatically");
    }

    @Test
    void aClearedReasonIsSentAsNull() {
        UploadStatus ready = new UploadStatus("u1", "READY", "Ready", 100, null, true, "/recordings/abc", "Night drive", List.of());

        JsonObject event = json(ready.event());

        assertThat(event.isNull("reason")).isTrue();
        assertThat(event.getBoolean("finished")).isTrue();
    }

    @Test
    void progressCarriesOnlyStateAndPercent() {
        // Without a label the page neither relabels its badge nor adds a step to the history.
        JsonObject event = json(new Progress(UploadState.TRANSCODING.name(), 37));

        assertThat(event.keySet()).containsExactlyInAnyOrder("state", "percent");
        assertThat(event.getInt("percent")).isEqualTo(37);
    }
}
