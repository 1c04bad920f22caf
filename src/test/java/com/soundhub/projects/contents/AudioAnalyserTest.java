package com.soundhub.projects.contents;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import com.soundhub.media.ProbeResult;
import com.soundhub.media.TranscodeResult;
import com.soundhub.recordings.MediaRendition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AudioAnalyserTest {

    private static final ProbeResult WAV = new ProbeResult("wav", 3.0, true, "pcm_s16le", 48000, 2, false);

    private static TranscodeResult transcoded(int exitCode, double decodedSeconds) {
        return new TranscodeResult(exitCode, decodedSeconds, OptionalDouble.of(-14.2), new byte[]{1, 2}, 0, Path.of("hls"),
                List.of(), "");
    }

    @Test
    void whatFfprobeCannotReadOrHoldsNoAudioIsNotAudio() {
        assertThat(AudioAnalyser.unreadable(Optional.empty())).contains(AudioAnalyser.NOT_AUDIO);
        assertThat(AudioAnalyser.unreadable(Optional.of(new ProbeResult("mjpeg", 0, false, "", 0, 0, true))))
                .contains(AudioAnalyser.NOT_AUDIO);
        assertThat(AudioAnalyser.unreadable(Optional.of(WAV))).isEmpty();
        assertThat(AudioAnalyser.NOT_AUDIO).doesNotContain("ffprobe", "Exception").contains("downloaded");
    }

    @Test
    void audioThatDoesNotDecodeIsDamaged() {
        assertThat(AudioAnalyser.damage(transcoded(1, 0))).get().asString().contains("could not be decoded");
        assertThat(AudioAnalyser.damage(transcoded(0, 0))).get().asString().contains("no playable audio");
        assertThat(AudioAnalyser.damage(transcoded(0, 2.5))).isEmpty();
    }

    @Test
    void theDecodedLengthAndTheOriginalsFormatAreKept() {
        MediaRendition rendition = new MediaRendition("projects/contents/h.hls/", "#EXTM3U\n", 2.9876, -14.2, new byte[]{7});
        ContentRepository.Analysed found = AudioAnalyser.found(WAV, rendition);
        assertThat(found.durationMs()).isEqualTo(2988);
        assertThat(found.sampleRate()).isEqualTo(48000);
        assertThat(found.channels()).isEqualTo(2);
        assertThat(found.loudnessLufs()).isEqualTo(-14.2);
        assertThat(found.playlist()).isEqualTo("#EXTM3U\n");

        ContentRepository.Analysed undecoded = AudioAnalyser.found(WAV, new MediaRendition("p", "x", 0, null, new byte[0]));
        assertThat(undecoded.durationMs()).isEqualTo(3000);
        assertThat(undecoded.loudnessLufs()).isNull();
    }

    @Test
    void renditionsLiveWhereTheCleanUpDeletesThem() {
        String hash = "a".repeat(64);
        assertThat(ContentStore.hlsPrefix(hash)).isEqualTo("projects/contents/" + hash + ".hls/");
        // Renditions.store puts a rendition under the prefix it is given + "hls/".
        assertThat(ContentStore.key(hash) + "." + "hls/").isEqualTo(ContentStore.hlsPrefix(hash));
    }

    @Test
    void peaksArePlayedUnsigned() {
        assertThat(new ContentPlayback("", new byte[]{0, 127, (byte) 200, (byte) 255}, 1000).unsignedPeaks())
                .containsExactly(0, 127, 200, 255);
        assertThat(new ContentPlayback("", null, 0).unsignedPeaks()).isEmpty();
    }
}
