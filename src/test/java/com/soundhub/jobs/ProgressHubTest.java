package com.soundhub.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ProgressHubTest {

    @Test
    void eventsCarryTheirTopic() {
        String payload = ProgressHub.envelope("upload:42", "{\"state\":\"READY\",\"percent\":100}");
        assertThat(payload).isEqualTo("{\"topic\":\"upload:42\",\"state\":\"READY\",\"percent\":100}");
        assertThat(ProgressHub.topicOf(payload)).isEqualTo("upload:42");
        assertThat(ProgressHub.envelope("t", "{}")).isEqualTo("{\"topic\":\"t\"}");
        assertThatThrownBy(() -> ProgressHub.envelope("t", "[1]")).isInstanceOf(IllegalArgumentException.class);
    }

    /** JSON-B reads public records only, as it does every event. */
    public record StateChanged(String id, String state, int percent, String reason, boolean finished) {
    }

    @Test
    void eventsAreRecordsSentAsJsonWithTheirNulls() {
        String json = ProgressHub.json(new StateChanged("u1", "READY", 100, null, true));

        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            var event = reader.readObject();
            assertThat(event.getString("state")).isEqualTo("READY");
            assertThat(event.getInt("percent")).isEqualTo(100);
            assertThat(event.isNull("reason")).as("a page clears a reason that no longer holds").isTrue();
        }
        // What ProgressStreams looks for to close a stream once the work is finished.
        assertThat(ProgressHub.envelope("upload:u1", json)).contains("\"finished\":true").startsWith("{\"topic\":\"upload:u1\",");
        assertThat(ProgressHub.json(new StateChanged("u\"2", "PROBING", 0, "say \"why\"", false)))
                .as("text is escaped by JSON-B, not by hand").contains("\"reason\":\"say \\\"why\\\"\"");
    }

    @Test
    void jobDataIsReadableText() {
        JobDataSerializer serializer = new JobDataSerializer();
        byte[] stored = serializer.serialize("2f1c0a6e-uuid");
        assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("2f1c0a6e-uuid");
        assertThat(serializer.deserialize(String.class, stored)).isEqualTo("2f1c0a6e-uuid");
        assertThatThrownBy(() -> serializer.serialize(42L)).isInstanceOf(IllegalArgumentException.class);
    }
}
