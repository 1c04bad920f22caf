package com.soundhub.generator.composition;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listening targets of the generator over the grid of {@link ListeningReport}: every genre
 * and mood, 20 seeds each, one-minute pieces (840 pieces, composed in about a second). The
 * measures are {@link ListeningMeasures}; the MusPy metrics keep their own floors in
 * {@link ComposerQualityTest}. Audio-level targets (loudness, true peak, section dynamics,
 * identical bytes) are checked on rendered pieces in the rendering package's tests.
 */
class ListeningTargetsTest {

    private static final int SEEDS = 20;
    private static ListeningReport grid;

    @BeforeAll
    static void compose() {
        grid = new ListeningReport(SEEDS);
    }

    @Test
    void oneSeedGivesUnrelatedPiecesInDifferentGenres() {
        assertEquals(0, grid.sameKeyInAllGenres(), "a seed still fixes the key across genres");
        // Keys are drawn from the mood's modes, so two genres share a key by chance about 1 time in 25.
        assertTrue(grid.sameKeyPairRate(0) < grid.sameKeyPairRate(1) + 0.04,
                "same key across genres " + grid.sameKeyPairRate(0) + " vs chance " + grid.sameKeyPairRate(1));
        int pieces = 6 * SEEDS;
        for (Genre[] pair : new Genre[][]{{Genre.POP, Genre.HOUSE}, {Genre.JAZZ, Genre.BOSSA_NOVA}}) {
            int same = grid.sameFirstEightRoots(pair[0], pair[1], 0);
            int chance = grid.sameFirstEightRoots(pair[0], pair[1], 1);
            assertTrue(same <= chance + pieces / 20, pair[0] + "/" + pair[1] + " first 8 roots equal in " + same
                    + " of " + pieces + " (different seeds: " + chance + ")");
            double agreement = grid.melodyIntervalAgreement(pair[0], pair[1], 0);
            double baseline = grid.melodyIntervalAgreement(pair[0], pair[1], 1);
            assertTrue(Math.abs(agreement - baseline) < 0.03, pair[0] + "/" + pair[1] + " melodies agree on "
                    + agreement + " of intervals (different seeds: " + baseline + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void everyGenreHasSeveralFormsAndInstrumentSets(Genre genre) {
        assertTrue(grid.forms(genre) >= 3, genre + " forms: " + grid.forms(genre));
        assertTrue(grid.instrumentSets(genre) >= 3, genre + " instrument sets: " + grid.instrumentSets(genre));
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void melodiesDevelopTheirMotifAndKeepItRecognisable(Genre genre) {
        ListeningMeasures m = grid.pooled(genre);
        assertTrue(m.newRhythmRate() >= 0.30 && m.newRhythmRate() <= 0.60, genre + " new-rhythm bars " + m.newRhythmRate());
        double repeats = grid.phraseRhythmRepeatRate(genre);
        // NaN where one-minute pieces at the genre's tempo have only four-bar sections.
        assertTrue(Double.isNaN(repeats) || repeats <= 0.3, genre + " second phrases repeating the first's rhythm " + repeats);
        long recurring = grid.of(genre).stream().filter(c -> ListeningMeasures.of(c).openingMotifRecurrences() > 0).count();
        assertTrue(recurring >= 0.8 * grid.of(genre).size(), genre + " opening motif recurs in " + recurring + " pieces");
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void melodiesRecoverFromLeapsAndStayOnTop(Genre genre) {
        ListeningMeasures m = grid.pooled(genre);
        assertTrue(m.leapRecoveryRate() >= 0.70, genre + " leap recovery " + m.leapRecoveryRate());
        assertTrue(m.melodyAboveRate() >= 0.95, genre + " melody above the accompaniment " + m.melodyAboveRate());
        assertTrue(m.strongBeatNonChordRate() >= 0.05 && m.strongBeatNonChordRate() <= 0.20,
                genre + " strong-beat non-chord tones " + m.strongBeatNonChordRate());
        assertTrue(m.nonChordResolutionRate() >= 0.75, genre + " non-chord tones resolved " + m.nonChordResolutionRate());
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void harmonyHasColourAndMinorEndingsHaveALeadingTone(Genre genre) {
        ListeningMeasures m = grid.pooled(genre);
        assertTrue(m.minorKey() >= 20, genre + " too few minor pieces to judge: " + m.minorKey());
        assertTrue(m.leadingToneCadenceRate() >= 0.80, genre + " minor endings with V(7) " + m.leadingToneCadenceRate());
        assertTrue(m.chromaticChordRate() > 0.03, genre + " chromatic chords " + m.chromaticChordRate());
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void drumsVaryAndSectionsFollowADynamicArc(Genre genre) {
        ListeningMeasures m = grid.pooled(genre);
        assertTrue(m.drumRepeatRate() <= 0.70, genre + " drum bars repeating the previous " + m.drumRepeatRate());
        long arcs = grid.of(genre).stream().filter(c -> ListeningMeasures.of(c).sectionLevelRangeDb() >= 6).count();
        assertTrue(arcs >= 0.9 * grid.of(genre).size(), genre + " pieces with 6 dB between sections: " + arcs);
    }
}
