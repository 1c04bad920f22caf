package com.soundhub.projects;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.soundhub.media.ExternalProcess;
import com.soundhub.media.MediaTools;
import com.soundhub.testing.AudioFiles;
import com.soundhub.testing.Browsers;
import com.soundhub.testing.StaticSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's mix (a bounce: {@link MixdownCommand} with the bundled ffmpeg) and the browser's mix
 * (js/projects/mixer.js's graph rendered offline in headless Chromium) of the same tracks with the
 * same gain, pan, mute and offsets agree: the difference between them is far below the signal.
 * Skipped without Chromium (see {@link Browsers}).
 */
class MixAgreementTest {

    StaticSite site;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theServersBounceAndTheBrowsersMixOfTheSameSettingsAgree(@TempDir Path folder) throws Exception {
        Path drums = AudioFiles.tune(folder.resolve("drums.wav"), 2.0);
        Path bass = AudioFiles.tune(folder.resolve("bass.wav"), 1.5);
        Path keys = AudioFiles.tune(folder.resolve("keys.wav"), 1.0);
        MixSettings.Track drumsTrack = new MixSettings.Track("drums.wav", -12, -0.5, false, false, 0);
        MixSettings.Track bassTrack = new MixSettings.Track("bass.wav", -9, 0.4, false, false, 600);
        MixSettings.Track keysTrack = new MixSettings.Track("keys.wav", 0, 0, true, false, 0);
        // The bounce mixes what is heard: the muted keys are left out, as MasterService.audible does.
        Path master = folder.resolve("master.flac");
        MediaTools tools = MediaTools.bundled();
        ExternalProcess.Result bounced = ExternalProcess.run(MixdownCommand.command(tools.ffmpeg(), List.of(
                new MixdownCommand.Input(drums.toString(), drumsTrack), new MixdownCommand.Input(bass.toString(), bassTrack)),
                master.toString()), tools.environment(), Duration.ofMinutes(1), line -> { });
        assertThat(bounced.succeeded()).as(String.join("\n", bounced.stderrTail())).isTrue();

        browser = Browsers.chromium();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        site = new StaticSite();
        for (Path file : List.of(drums, bass, keys, master)) {
            byte[] bytes = Files.readAllBytes(file);
            site.route("/audio/" + file.getFileName(), exchange -> StaticSite.send(exchange, 200, "application/octet-stream", bytes));
        }
        browser.get(site.base().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var settings = arguments[0];
                function decode(name) {
                    return fetch('/audio/' + name).then(function (r) { return r.arrayBuffer(); })
                        .then(function (bytes) { return new OfflineAudioContext(2, 1, 44100).decodeAudioData(bytes); });
                }
                var script = document.createElement('script');
                script.src = '/static/js/projects/mixer.js?v=test';
                script.onerror = function () { done({error: 'mixer.js did not load'}); };
                script.onload = function () {
                    Promise.all(['drums.wav', 'bass.wav', 'keys.wav', 'master.flac'].map(decode)).then(function (decoded) {
                        return window.soundhub.mixerGraph.renderOffline(decoded.slice(0, 3), settings, 44100).then(function (mix) {
                            var server = decoded[3];
                            var length = Math.min(mix.length, server.length);
                            var difference = 0, signal = 0;
                            for (var channel = 0; channel < 2; channel++) {
                                var a = mix.getChannelData(channel), b = server.getChannelData(channel);
                                for (var i = 0; i < length; i++) {
                                    difference += (a[i] - b[i]) * (a[i] - b[i]);
                                    signal += b[i] * b[i];
                                }
                            }
                            done({browserSeconds: mix.duration, serverSeconds: server.duration,
                                  differenceRms: Math.sqrt(difference / (2 * length)), signalRms: Math.sqrt(signal / (2 * length))});
                        });
                    }).catch(function (error) { done({error: String(error)}); });
                };
                document.head.appendChild(script);
                """, List.of(settings(drumsTrack), settings(bassTrack), settings(keysTrack)));

        assertThat(result).doesNotContainKey("error");
        assertThat(((Number) result.get("browserSeconds")).doubleValue()).isCloseTo(2.1, org.assertj.core.data.Offset.offset(0.01));
        assertThat(((Number) result.get("serverSeconds")).doubleValue()).isCloseTo(2.1, org.assertj.core.data.Offset.offset(0.01));
        double signal = ((Number) result.get("signalRms")).doubleValue();
        double difference = ((Number) result.get("differenceRms")).doubleValue();
        assertThat(signal).as("the mix is not silence").isGreaterThan(0.05);
        // 16-bit FLAC alone leaves about -90 dB (measured: -83 dB); -60 dB means the gains, pans, offsets and mute are the same.
        assertThat(difference / signal).as("difference %.6f against signal %.6f", difference, signal).isLessThan(0.001);
    }

    private static Map<String, Object> settings(MixSettings.Track track) {
        return Map.of("gainDb", track.gainDb(), "pan", track.pan(), "mute", track.mute(), "solo", track.solo(),
                "offsetMs", track.offsetMs());
    }
}
