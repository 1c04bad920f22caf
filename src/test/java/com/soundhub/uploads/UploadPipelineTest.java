package com.soundhub.uploads;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import com.soundhub.media.ProbeResult;
import com.soundhub.media.TranscodeResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadPipelineTest {

    final ProbeResult threeMinutes = new ProbeResult("flac", 180, true, "flac", 44100, 2, false);

    private static TranscodeResult decoded(int exitCode, double seconds, int errors) {
        return new TranscodeResult(exitCode, seconds, OptionalDouble.of(-14), new byte[1000], errors, Path.of("hls"),
                List.of(), "");
    }

    @Test
    void aCompleteDecodeIsNotDamage() {
        assertThat(UploadPipeline.damage(threeMinutes, decoded(0, 179.9, 0))).isEmpty();
        assertThat(UploadPipeline.damage(threeMinutes, decoded(0, 180, 2))).as("a couple of glitches").isEmpty();
    }

    @Test
    void endingEarlyBrokenDecodingOrNoAudioAreDamage() {
        assertThat(UploadPipeline.damage(threeMinutes, decoded(0, 61, 0)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("ends after 1:01").contains("3:00"));
        assertThat(UploadPipeline.damage(threeMinutes, decoded(0, 180, 40)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("could not be decoded"));
        assertThat(UploadPipeline.damage(threeMinutes, decoded(1, 10, 3))).isPresent();
        assertThat(UploadPipeline.damage(threeMinutes, decoded(0, 0, 0)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no playable audio"));
    }

    @Test
    void minutesReadLikeAClock() {
        assertThat(UploadPipeline.minutes(1260)).isEqualTo("21:00");
        assertThat(UploadPipeline.minutes(59.6)).isEqualTo("1:00");
    }
}
