package com.soundhub.generator.rendering;

import com.soundhub.generator.composition.Composer;
import com.soundhub.generator.composition.Composition;
import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Mood;
import com.soundhub.generator.composition.PartRole;
import com.sun.media.sound.EmergencySoundbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Same inputs, same audio: byte for byte, in this JVM and in a freshly started one, with the
 * built-in soundbank (it used to be generated with different random phases in every JVM) and with
 * a SoundFont file; and every file at the normalised loudness.
 */
class RenderDeterminismTest {

    private static final CompositionRequest REQUEST = new CompositionRequest(Genre.JAZZ, Mood.DARK, 132, 30, 21);

    @Test
    void theBuiltInSoundbankIsTheSameInEveryRun() {
        assertTrue(BuiltInSoundbank.isReproducible(), "Math.random() could not be seeded on this JDK");
    }

    @Test
    void aRenderInAnotherJvmHasTheSameBytes() throws Exception {
        String here = digestOfRender(null);
        assertEquals(here, digestOfRender(null), "two renders in one JVM differ");
        assertEquals(here, renderInFreshJvm(null), "a render in a fresh JVM differs");
    }

    @Test
    void aRenderWithASoundFontFileIsTheSameInAnotherJvm(@TempDir Path folder) throws Exception {
        Path soundFont = folder.resolve("instruments.sf2");
        EmergencySoundbank.createSoundbank().save(soundFont.toFile());
        String here = digestOfRender(soundFont);
        assertEquals(here, renderInFreshJvm(soundFont), "a render with the same SoundFont in a fresh JVM differs");
    }

    @Test
    void stemsAndMixLeaveAtTheTargetLoudness() throws IOException {
        OfflineRenderer renderer = new OfflineRenderer();
        Composition piece = new Composer().compose(REQUEST);
        List<RenderResult> results = new ArrayList<>();
        results.add(renderer.renderMix(piece, new ByteArrayOutputStream()));
        for (PartRole part : piece.roles()) {
            results.add(renderer.renderStem(piece, part, new ByteArrayOutputStream()));
        }
        for (RenderResult r : results) {
            assertEquals(-14.0, r.loudnessLufs(), 1.0, "loudness " + r);
            assertTrue(r.truePeakDbtp() <= -1.0, "true peak " + r);
        }
    }

    /** Entry point of the fresh JVM: prints the digest of the render. */
    public static void main(String[] args) throws Exception {
        System.out.println(digestOfRender(args.length > 0 ? Path.of(args[0]) : null));
    }

    private static String digestOfRender(Path soundFont) throws IOException, java.security.NoSuchAlgorithmException {
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        OfflineRenderer renderer = soundFont == null ? new OfflineRenderer() : new OfflineRenderer(soundFont);
        renderer.renderMix(new Composer().compose(REQUEST), wav);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav.toByteArray()));
    }

    private static String renderInFreshJvm(Path soundFont) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), RenderDeterminismTest.class.getName()));
        if (soundFont != null) {
            command.add(soundFont.toString());
        }
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the second JVM did not finish");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertEquals(0, process.exitValue(), "the second JVM failed");
        String[] lines = out.split("\\R");
        return lines[lines.length - 1];
    }
}
