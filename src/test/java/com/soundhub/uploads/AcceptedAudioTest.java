package com.soundhub.uploads;

import com.soundhub.media.ProbeResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptedAudioTest {

    @Test
    void theUsualAudioExtensionsGetAContentType() {
        assertThat(AcceptedAudio.contentTypeFor("take 3.WAV")).contains("audio/wav");
        assertThat(AcceptedAudio.contentTypeFor("demo.aiff")).contains("audio/aiff");
        assertThat(AcceptedAudio.contentTypeFor("mix.flac")).contains("audio/flac");
        assertThat(AcceptedAudio.contentTypeFor("song.mp3")).contains("audio/mpeg");
        assertThat(AcceptedAudio.contentTypeFor("voice.opus")).contains("audio/ogg");
        assertThat(AcceptedAudio.contentTypeFor("phone.m4a")).contains("audio/mp4");
    }

    @Test
    void otherFilesAreNotOffered() {
        assertThat(AcceptedAudio.contentTypeFor("notes.txt")).isEmpty();
        assertThat(AcceptedAudio.contentTypeFor("video.mkv")).isEmpty();
        assertThat(AcceptedAudio.contentTypeFor("noextension")).isEmpty();
        assertThat(AcceptedAudio.contentTypeFor("trailingdot.")).isEmpty();
        assertThat(AcceptedAudio.contentTypeFor(null)).isEmpty();
    }

    @Test
    void theProbeDecidesWhatTheFileReallyIs() {
        assertThat(AcceptedAudio.accepts(new ProbeResult("mp3", 180, true, "mp3", 44100, 2, false))).isTrue();
        assertThat(AcceptedAudio.accepts(new ProbeResult("mov,mp4,m4a,3gp,3g2,mj2", 60, true, "aac", 44100, 2, false))).isTrue();
        assertThat(AcceptedAudio.accepts(new ProbeResult("mov,mp4,m4a,3gp,3g2,mj2", 60, true, "aac", 44100, 2, true)))
                .as("a video").isFalse();
        assertThat(AcceptedAudio.accepts(new ProbeResult("matroska,webm", 60, true, "opus", 48000, 2, false))).isFalse();
        assertThat(AcceptedAudio.accepts(new ProbeResult("png_pipe", -1, false, "", 0, 0, false))).isFalse();
    }
}
