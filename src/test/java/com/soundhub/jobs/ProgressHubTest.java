package com.soundhub.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressHubTest {

    @Test
    void eventsCarryTheirTopic() {
        String payload = ProgressHub.envelope("upload:42", "{\"state\":\"READY\",\"percent\":100}");
        assertThat(payload).isEqualTo("{\"topic\":\"upload:42\",\"state\":\"READY\",\"percent\":100}");
        assertThat(ProgressHub.topicOf(payload)).isEqualTo("upload:42");
        assertThat(ProgressHub.envelope("t", "{}")).isEqualTo("{\"topic\":\"t\"}");
        assertThatThrownBy(() -> ProgressHub.envelope("t", "[1]")).isInstanceOf(IllegalArgumentException.class);
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
