package com.soundhub.generator.rendering;

import com.soundhub.generator.composition.Composer;
import com.soundhub.generator.composition.Composition;
import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Mood;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audio-level listening targets on one rendered minute per genre (a render costs about half
 * a second, so this sample is small; the note-level targets run over 840 pieces in
 * {@code ListeningTargetsTest}): -14 LUFS +-1 integrated, true peak at most -1 dBTP, and a
 * dynamic arc of at least 6 dB between the quietest and the loudest section, measured on the
 * 16-bit file as written.
 */
class RenderedMusicTest {

    @ParameterizedTest
    @EnumSource(Genre.class)
    void aRenderedMinuteIsNormalisedAndHasADynamicArc(Genre genre) throws IOException {
        Mood mood = Mood.values()[genre.ordinal() % Mood.values().length];
        Composition piece = new Composer().compose(new CompositionRequest(genre, mood, 110, 60, 5));
        float[] stereo = AudioReport.samples(AudioReport.render(new OfflineRenderer(), piece));
        double lufs = LoudnessMeter.integratedLoudness(stereo, OfflineRenderer.SAMPLE_RATE);
        assertEquals(-14.0, lufs, 1.0, genre + " loudness");
        assertTrue(LoudnessMeter.truePeakDbtp(stereo) <= -1.0, genre + " true peak " + LoudnessMeter.truePeakDbtp(stereo));
        double range = AudioReport.sectionRange(AudioReport.sectionLoudness(piece, stereo));
        assertTrue(range >= 6.0, genre + " sections span only " + range + " dB");
    }
}
