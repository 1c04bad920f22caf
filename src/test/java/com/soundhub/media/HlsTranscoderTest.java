package com.soundhub.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.soundhub.testing.AudioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The real ffmpeg: one pass makes a playable rendition, a waveform and a loudness figure. */
class HlsTranscoderTest {

    final MediaTools tools = MediaTools.bundled();
    final HlsTranscoder transcoder = new HlsTranscoder(tools);
    final AudioProbe probe = new AudioProbe(tools);

    @Test
    void aTuneBecomesSixSecondSegmentsWithPeaksAndLoudness(@TempDir Path temp) throws Exception {
        Path tune = AudioFiles.tune(temp.resolve("tune.flac"), 20);
        List<Integer> progress = new ArrayList<>();

        TranscodeResult result = transcoder.transcode(tune, temp.resolve("out"), 20, progress::add);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.decodedSeconds()).isCloseTo(20, within(0.1));
        assertThat(result.hlsFiles()).extracting(p -> p.getFileName().toString())
                .contains("playlist.m3u8", "init.mp4", "segment_00000.m4s", "segment_00003.m4s")
                .doesNotContain("segment_00004.m4s");
        String playlist = Files.readString(result.hlsDirectory().resolve("playlist.m3u8"));
        assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD").contains("#EXT-X-MAP:URI=\"init.mp4\"")
                .contains("#EXT-X-ENDLIST");
        assertThat(result.peaks()).hasSize(Waveform.DEFAULT_POINTS);
        int[] peaks = Waveform.unsigned(result.peaks());
        assertThat(java.util.Arrays.stream(peaks).max().getAsInt()).isGreaterThan(100);
        assertThat(java.util.Arrays.stream(peaks).min().getAsInt())
                .as("the swell makes quieter stretches").isLessThan(java.util.Arrays.stream(peaks).max().getAsInt() - 30);
        assertThat(result.loudnessLufs()).isPresent();
        assertThat(result.loudnessLufs().getAsDouble()).isBetween(-30.0, -5.0);
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isGreaterThanOrEqualTo(95);
        assertThat(result.decodeErrors()).isZero();

        Path joined = temp.resolve("joined.mp4");
        try (var out = Files.newOutputStream(joined)) {
            for (Path file : result.hlsFiles()) {
                String name = file.getFileName().toString();
                if (name.equals("init.mp4") || name.endsWith(".m4s")) {
                    Files.copy(file, out);
                }
            }
        }
        assertThat(AudioFiles.decodedSeconds(joined)).as("the segments play the whole tune").isCloseTo(20, within(0.2));
    }

    @Test
    void aCutShortWavIsToldByItsHeader(@TempDir Path temp) throws Exception {
        Path whole = AudioFiles.tune(temp.resolve("whole.wav"), 10);
        Path cut = AudioFiles.truncatedWav(temp.resolve("cut.wav"), 10, 0.4);

        long wholeSize = Files.size(whole);
        assertThat(FileIntegrity.missingBytes(whole)).isEmpty();
        assertThat(FileIntegrity.missingBytes(cut)).hasValueSatisfying(missing ->
                assertThat(missing).isCloseTo((long) (wholeSize * 0.6), within(64L)));
        assertThat(FileIntegrity.missingBytes(AudioFiles.tune(temp.resolve("tune.mp3"), 2))).isEmpty();
    }

    @Test
    void aCorruptedFileShowsDecodeErrors(@TempDir Path temp) throws Exception {
        Path corrupted = AudioFiles.corruptedMp3(temp.resolve("broken.mp3"), 30);

        TranscodeResult result = transcoder.transcode(corrupted, temp.resolve("out"), 30, p -> { });

        assertThat(result.decodeErrors()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void probeTellsAudioFromEverythingElse(@TempDir Path temp) throws Exception {
        Path mp3 = AudioFiles.tune(temp.resolve("tune.mp3"), 3);
        Path text = Files.writeString(temp.resolve("notes.mp3"), "these are not the sounds you are looking for\n".repeat(200));

        ProbeResult audio = probe.probe(mp3).orElseThrow();
        assertThat(audio.hasAudio()).isTrue();
        assertThat(audio.formatName()).isEqualTo("mp3");
        assertThat(audio.durationSeconds()).isCloseTo(3, within(0.1));
        assertThat(probe.probe(text)).isEmpty();
    }
}
