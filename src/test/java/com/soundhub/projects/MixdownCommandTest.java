package com.soundhub.projects;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.soundhub.media.ExternalProcess;
import com.soundhub.media.MediaTools;
import com.soundhub.testing.AudioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MixdownCommandTest {

    @Test
    void panFollowsTheWebAudioStereoPannerLaw() {
        assertThat(MixdownCommand.pan(0)).isEqualTo("pan=stereo|c0=c0+0.000000*c1|c1=1.000000*c1");
        assertThat(MixdownCommand.pan(-1)).as("hard left: the right channel folds into the left")
                .isEqualTo("pan=stereo|c0=c0+1.000000*c1|c1=0.000000*c1");
        assertThat(MixdownCommand.pan(1)).as("hard right").isEqualTo("pan=stereo|c0=0.000000*c0|c1=c1+1.000000*c0");
        assertThat(MixdownCommand.pan(-0.5)).isEqualTo("pan=stereo|c0=c0+0.707107*c1|c1=0.707107*c1");
    }

    @Test
    void theBundledFfmpegMixesTracksWithTheirOffsetsIntoAFlacAsLongAsTheLatestEnd(@TempDir Path folder) throws Exception {
        Path drums = AudioFiles.tune(folder.resolve("drums.wav"), 1.0);
        Path bass = AudioFiles.tune(folder.resolve("bass.wav"), 1.0);
        Path output = folder.resolve("master.flac");
        MediaTools tools = MediaTools.bundled();
        List<String> command = MixdownCommand.command(tools.ffmpeg(), List.of(
                new MixdownCommand.Input(drums.toString(), new MixSettings.Track("drums.wav", -6, -0.5, false, false, 0)),
                new MixdownCommand.Input(bass.toString(), new MixSettings.Track("bass.wav", 3, 0.25, false, false, 750))),
                output.toString());

        ExternalProcess.Result result = ExternalProcess.run(command, tools.environment(), Duration.ofMinutes(1), line -> { });

        assertThat(result.succeeded()).as(String.join("\n", result.stderrTail())).isTrue();
        assertThat(Files.readAllBytes(output)).startsWith('f', 'L', 'a', 'C');
        assertThat(AudioFiles.decodedSeconds(output)).as("the bass starts 0.75 s in and lasts 1 s").isBetween(1.74, 1.77);
    }
}
