package com.soundhub.media;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The small readers of ffmpeg's and ffprobe's output, and the waveform reduction. */
class ParsersTest {

    @Test
    void progressBlocksGiveSecondsWritten() {
        FfmpegProgress progress = new FfmpegProgress();
        assertThat(progress.accept("out_time_us=N/A")).isEmpty();
        assertThat(progress.accept("progress=continue")).isEmpty();
        assertThat(progress.accept("out_time_ms=12500000")).isEmpty();
        assertThat(progress.accept("speed=56.1x")).isEmpty();
        assertThat(progress.accept("progress=continue").getAsDouble()).isCloseTo(12.5, within(1e-9));
        assertThat(progress.accept("out_time_us=30000000")).isEmpty();
        assertThat(progress.accept("progress=end").getAsDouble()).isEqualTo(30.0);
        assertThat(progress.ended()).isTrue();
        assertThat(FfmpegProgress.percent(12.5, 50)).isEqualTo(25);
        assertThat(FfmpegProgress.percent(70, 50)).isEqualTo(100);
        assertThat(FfmpegProgress.percent(1, 0)).isZero();
    }

    @Test
    void integratedLoudnessComesFromTheSummary() {
        List<String> stderr = List.of(
                "[Parsed_ebur128_2 @ 0x55] Summary:",
                "",
                "  Integrated loudness:",
                "    I:         -16.3 LUFS",
                "    Threshold: -26.5 LUFS");
        assertThat(LoudnessSummary.integratedLufs(stderr).getAsDouble()).isEqualTo(-16.3);
        assertThat(LoudnessSummary.integratedLufs(List.of("    I:  -70.0 LUFS"))).as("not in a summary").isEmpty();
        assertThat(LoudnessSummary.integratedLufs(List.of("Summary:", "    I:         -inf LUFS"))).as("silence").isEmpty();
    }

    @Test
    void probeJsonIsRead() {
        String json = """
                {"streams": [
                   {"codec_type": "video", "codec_name": "mjpeg", "disposition": {"attached_pic": 1}},
                   {"codec_type": "audio", "codec_name": "mp3", "sample_rate": "44100", "channels": 2}],
                 "format": {"format_name": "mp3", "duration": "183.25"}}
                """;
        ProbeResult result = AudioProbe.parse(json).orElseThrow();
        assertThat(result.hasAudio()).isTrue();
        assertThat(result.hasVideo()).as("cover art is not video").isFalse();
        assertThat(result.durationSeconds()).isEqualTo(183.25);
        assertThat(result.sampleRate()).isEqualTo(44100);
        assertThat(AudioProbe.parse("not json")).isEmpty();
        assertThat(result.title()).isNull();
    }

    @Test
    void theTitleComesFromTheContainersOrTheStreamsTags() {
        String id3 = """
                {"streams": [{"codec_type": "audio", "codec_name": "mp3", "sample_rate": "44100", "channels": 2}],
                 "format": {"format_name": "mp3", "duration": "60", "tags": {"title": " Quiet tune ", "artist": "mina"}}}
                """;
        assertThat(AudioProbe.parse(id3).orElseThrow().title()).isEqualTo("Quiet tune");
        String vorbis = """
                {"streams": [{"codec_type": "audio", "codec_name": "opus", "sample_rate": "48000", "channels": 2,
                              "tags": {"TITLE": "사랑 노래"}}],
                 "format": {"format_name": "ogg", "duration": "60", "tags": {"ENCODER": "x"}}}
                """;
        assertThat(AudioProbe.parse(vorbis).orElseThrow().title()).isEqualTo("사랑 노래");
        String blank = """
                {"streams": [{"codec_type": "audio"}], "format": {"format_name": "wav", "tags": {"title": "  "}}}
                """;
        assertThat(AudioProbe.parse(blank).orElseThrow().title()).isNull();
    }

    @Test
    void peaksKeepTheLoudestSampleOfEachSlice() throws Exception {
        short[] samples = {100, -200, 300, -32767, 0, 5, -6, 16384};
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        int[] peaks = Waveform.unsigned(Waveform.peaks(new ByteArrayInputStream(pcm), samples.length, 4));
        assertThat(peaks).containsExactly(2, 255, 0, 128);
    }
}
