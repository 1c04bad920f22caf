package com.soundhub.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ffmpeg command that bounces a mix: each audible track resampled to 44.1 kHz stereo, its gain
 * applied, panned, delayed by its offset, and all summed without normalisation into a 16-bit FLAC.
 * Pan follows the Web Audio StereoPannerNode on stereo input (the mixer's), so that the browser's
 * mix and the server's agree: at pan p &lt;= 0, with x = (p + 1) * pi/2, left = inL + inR * cos(x) and
 * right = inR * sin(x); at p &gt; 0, with x = p * pi/2, left = inL * cos(x) and right = inR + inL * sin(x).
 */
public final class MixdownCommand {

    /** A track to mix: where ffmpeg reads it, and its settings. */
    public record Input(String source, MixSettings.Track settings) {
    }

    private MixdownCommand() {
    }

    public static List<String> command(String ffmpeg, List<Input> inputs, String output) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Nothing to mix");
        }
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-progress", "pipe:1", "-nostats"));
        for (Input input : inputs) {
            if (input.source().startsWith("http")) {
                command.addAll(List.of("-reconnect", "1", "-reconnect_on_network_error", "1", "-reconnect_delay_max", "5"));
            }
            command.addAll(List.of("-i", input.source()));
        }
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            MixSettings.Track track = inputs.get(i).settings();
            graph.append('[').append(i).append(":a:0]aresample=44100,aformat=sample_fmts=fltp:channel_layouts=stereo,")
                    .append(String.format(Locale.ROOT, "volume=%.4fdB,", track.gainDb()))
                    .append(pan(track.pan()))
                    .append(String.format(Locale.ROOT, ",adelay=%d:all=1", track.offsetMs()))
                    .append("[t").append(i).append("];");
        }
        for (int i = 0; i < inputs.size(); i++) {
            graph.append("[t").append(i).append(']');
        }
        graph.append("amix=inputs=").append(inputs.size()).append(":normalize=0:duration=longest:dropout_transition=0[mix]");
        command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[mix]", "-c:a", "flac", "-sample_fmt", "s16",
                "-ar", "44100", "-ac", "2", output));
        return command;
    }

    /** The pan filter of the StereoPannerNode's law for stereo input. */
    static String pan(double pan) {
        double p = Math.max(-1, Math.min(1, pan));
        if (p <= 0) {
            double x = (p + 1) * Math.PI / 2;
            return String.format(Locale.ROOT, "pan=stereo|c0=c0+%.6f*c1|c1=%.6f*c1", Math.cos(x), Math.sin(x));
        }
        double x = p * Math.PI / 2;
        return String.format(Locale.ROOT, "pan=stereo|c0=%.6f*c0|c1=c1+%.6f*c0", Math.cos(x), Math.sin(x));
    }
}
