package com.soundhub.generator.composition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Labels, slugs and key names as the web app uses them. */
class NamesTest {

    @ParameterizedTest
    @EnumSource(Genre.class)
    void genreSlugsRoundTripAndAreUrlSafe(Genre genre) {
        assertSame(genre, Genre.fromSlug(genre.slug()));
        assertSame(genre, Genre.fromSlug("  " + genre.slug().toUpperCase() + " "));
        assertTrue(genre.slug().matches("[a-z0-9]+(-[a-z0-9]+)*"), genre.slug());
        assertTrue(!genre.label().isBlank());
    }

    @ParameterizedTest
    @EnumSource(Mood.class)
    void moodSlugsRoundTripAndAreUrlSafe(Mood mood) {
        assertSame(mood, Mood.fromSlug(mood.slug()));
        assertTrue(mood.slug().matches("[a-z0-9]+(-[a-z0-9]+)*"), mood.slug());
    }

    @Test
    void lofiHasAReadableLabelAndSlug() {
        assertEquals("lo-fi hip hop", Genre.LOFI_HIP_HOP.label());
        assertEquals("lofi-hip-hop", Genre.LOFI_HIP_HOP.slug());
        assertEquals("bossa-nova", Genre.BOSSA_NOVA.slug());
    }

    @Test
    void unknownSlugsAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Genre.fromSlug("polka"));
        assertTrue(e.getMessage().contains("polka") && e.getMessage().contains("lofi-hip-hop"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mood.fromSlug("angry"));
        assertTrue(e.getMessage().contains("angry") && e.getMessage().contains("dreamy"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Genre.fromSlug(null));
        assertThrows(IllegalArgumentException.class, () -> Mood.fromSlug(" "));
        assertThrows(IllegalArgumentException.class, () -> Genre.fromSlug("LOFI_HIP_HOP"));
    }

    @Test
    void keysParseInTheirCommonForms() {
        assertEquals(Key.of(9, Mode.MINOR), Key.parse("A minor"));
        assertEquals(Key.of(6, Mode.DORIAN), Key.parse("f-sharp-dorian"));
        assertEquals(Key.of(10, Mode.MAJOR), Key.parse("Bb major"));
        assertEquals(Key.of(10, Mode.MAJOR), Key.parse("b-flat-major"));
        assertEquals(Key.of(4, Mode.MINOR), Key.parse("E aeolian"));
        assertThrows(IllegalArgumentException.class, () -> Key.parse("H major"));
        assertThrows(IllegalArgumentException.class, () -> Key.parse("C"));
        assertThrows(IllegalArgumentException.class, () -> Key.parse("C bluesy"));
        assertThrows(IllegalArgumentException.class, () -> Key.of(12, Mode.MAJOR));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void keySlugsRoundTrip(Mode mode) {
        for (int tonic = 0; tonic < 12; tonic++) {
            Key key = Key.of(tonic, mode);
            assertEquals(key, Key.parse(key.slug()), key.slug());
            assertEquals(key, Key.parse(key.label()), key.label());
        }
    }

    @Test
    void keySignaturesCountSharpsAndFlats() {
        assertEquals(0, Key.parse("C major").signatureAccidentals());
        assertEquals(0, Key.parse("A minor").signatureAccidentals());
        assertEquals(0, Key.parse("D dorian").signatureAccidentals());
        assertEquals(4, Key.parse("E major").signatureAccidentals());
        assertEquals(-1, Key.parse("F major").signatureAccidentals());
        assertEquals(-3, Key.parse("C minor").signatureAccidentals());
        assertEquals(1, Key.parse("D mixolydian").signatureAccidentals());
        assertEquals("Eb major", Key.of(3, Mode.MAJOR).label());
    }

    @Test
    void keysKnowTheirScale() {
        Key dDorian = Key.parse("D dorian");
        for (int pc : new int[]{0, 2, 4, 5, 7, 9, 11}) {
            assertTrue(dDorian.contains(pc));
        }
        assertTrue(!dDorian.contains(1) && !dDorian.contains(6));
        assertEquals(9, dDorian.pitchClassOf(4));
    }
}
