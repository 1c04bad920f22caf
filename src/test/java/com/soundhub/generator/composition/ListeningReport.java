package com.soundhub.generator.composition;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The listening grid: every genre and mood, {@code seeds} seeds each, 60-second pieces at a
 * tempo typical of the genre; prints the {@link ListeningMeasures} pooled per genre and the
 * comparisons across genres. Run with {@code java ... ListeningReport [seeds]}; the bench
 * README's before/after table comes from it. {@link ListeningTargetsTest} asserts the targets on
 * the same grid.
 */
final class ListeningReport {

    static final int LENGTH_SECONDS = 60;

    private final Map<Genre, Map<Mood, List<Composition>>> pieces = new EnumMap<>(Genre.class);
    final int seeds;

    ListeningReport(int seeds) {
        this.seeds = seeds;
        Composer composer = new Composer();
        for (Genre genre : Genre.values()) {
            Map<Mood, List<Composition>> byMood = new EnumMap<>(Mood.class);
            for (Mood mood : Mood.values()) {
                List<Composition> list = new ArrayList<>();
                for (int seed = 1; seed <= seeds; seed++) {
                    list.add(composer.compose(new CompositionRequest(genre, mood, tempo(genre), LENGTH_SECONDS, seed)));
                }
                byMood.put(mood, list);
            }
            pieces.put(genre, byMood);
        }
    }

    static int tempo(Genre genre) {
        return switch (genre) {
            case POP -> 112;
            case ROCK -> 128;
            case JAZZ -> 140;
            case LOFI_HIP_HOP -> 80;
            case HOUSE -> 124;
            case BALLAD -> 72;
            case BOSSA_NOVA -> 130;
        };
    }

    Composition piece(Genre genre, Mood mood, int seed) {
        return pieces.get(genre).get(mood).get(seed - 1);
    }

    List<Composition> of(Genre genre) {
        List<Composition> all = new ArrayList<>();
        pieces.get(genre).values().forEach(all::addAll);
        return all;
    }

    ListeningMeasures pooled(Genre genre) {
        ListeningMeasures sum = ListeningMeasures.none();
        for (Composition c : of(genre)) {
            sum = sum.plus(ListeningMeasures.of(c));
        }
        return sum;
    }

    /** (seed, mood) combinations in which all seven genres share one key. */
    int sameKeyInAllGenres() {
        int same = 0;
        for (Mood mood : Mood.values()) {
            for (int seed = 1; seed <= seeds; seed++) {
                Set<Key> keys = new HashSet<>();
                for (Genre genre : Genre.values()) {
                    keys.add(piece(genre, mood, seed).key());
                }
                if (keys.size() == 1) {
                    same++;
                }
            }
        }
        return same;
    }

    /** Fraction of genre pairs with the same seed and mood that share a key; {@code offset} 1 pairs different seeds (chance). */
    double sameKeyPairRate(int offset) {
        int same = 0;
        int total = 0;
        for (Mood mood : Mood.values()) {
            for (int seed = 1; seed <= seeds; seed++) {
                for (Genre a : Genre.values()) {
                    for (Genre b : Genre.values()) {
                        if (a.ordinal() < b.ordinal()) {
                            total++;
                            if (piece(a, mood, seed).key().equals(piece(b, mood, 1 + (seed - 1 + offset) % seeds).key())) {
                                same++;
                            }
                        }
                    }
                }
            }
        }
        return (double) same / total;
    }

    /** Pieces of genre a whose first 8 chord roots (degrees) equal those of genre b; {@code offset} 1 = different seeds. */
    int sameFirstEightRoots(Genre a, Genre b, int offset) {
        int same = 0;
        for (Mood mood : Mood.values()) {
            for (int seed = 1; seed <= seeds; seed++) {
                int[] x = ListeningMeasures.chordRootsByBar(piece(a, mood, seed), 8);
                int[] y = ListeningMeasures.chordRootsByBar(piece(b, mood, 1 + (seed - 1 + offset) % seeds), 8);
                if (java.util.Arrays.equals(x, y)) {
                    same++;
                }
            }
        }
        return same;
    }

    /** Mean agreement of successive melodic intervals between genres a and b; {@code offset} 1 = different seeds. */
    double melodyIntervalAgreement(Genre a, Genre b, int offset) {
        double sum = 0;
        int n = 0;
        for (Mood mood : Mood.values()) {
            for (int seed = 1; seed <= seeds; seed++) {
                sum += ListeningMeasures.agreement(ListeningMeasures.melodyIntervals(piece(a, mood, seed)),
                        ListeningMeasures.melodyIntervals(piece(b, mood, 1 + (seed - 1 + offset) % seeds)));
                n++;
            }
        }
        return sum / n;
    }

    int forms(Genre genre) {
        Set<String> forms = new HashSet<>();
        of(genre).forEach(c -> forms.add(ListeningMeasures.form(c)));
        return forms.size();
    }

    int instrumentSets(Genre genre) {
        Set<String> sets = new HashSet<>();
        of(genre).forEach(c -> sets.add(ListeningMeasures.instrumentSet(c)));
        return sets.size();
    }

    /** Smallest per-piece section level range, in dB, over a genre's pieces. */
    double smallestSectionRange(Genre genre) {
        return of(genre).stream().mapToDouble(c -> ListeningMeasures.of(c).sectionLevelRangeDb()).min().orElse(0);
    }

    double emptyBeatRate(Genre genre) {
        return of(genre).stream().mapToDouble(c -> MusicMetrics.of(c).emptyBeatRate()).average().orElse(0);
    }

    /** Fraction of second-phrase bars repeating the first phrase's rhythm, over a genre's pieces. */
    double phraseRhythmRepeatRate(Genre genre) {
        int repeated = 0;
        int compared = 0;
        for (Composition c : of(genre)) {
            int[] r = ListeningMeasures.phraseRhythmRepeats(c);
            repeated += r[0];
            compared += r[1];
        }
        return compared == 0 ? Double.NaN : (double) repeated / compared;
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long started = System.nanoTime();
        ListeningReport r = new ListeningReport(seeds);
        System.out.printf(Locale.ROOT, "%d pieces composed in %d ms%n", 42 * seeds, (System.nanoTime() - started) / 1_000_000);
        System.out.printf(Locale.ROOT, "same key in all 7 genres: %d of %d (seed, mood); same key per genre pair: %.1f%% (different seeds: %.1f%%)%n",
                r.sameKeyInAllGenres(), 6 * seeds, 100 * r.sameKeyPairRate(0), 100 * r.sameKeyPairRate(1));
        System.out.printf(Locale.ROOT, "first 8 chord roots equal, pop/house: %d of %d (different seeds %d); jazz/bossa: %d (different seeds %d)%n",
                r.sameFirstEightRoots(Genre.POP, Genre.HOUSE, 0), 6 * seeds, r.sameFirstEightRoots(Genre.POP, Genre.HOUSE, 1),
                r.sameFirstEightRoots(Genre.JAZZ, Genre.BOSSA_NOVA, 0), r.sameFirstEightRoots(Genre.JAZZ, Genre.BOSSA_NOVA, 1));
        System.out.printf(Locale.ROOT, "melody next-interval agreement pop/house: %.1f%% (different seeds %.1f%%); jazz/bossa %.1f%% (%.1f%%)%n",
                100 * r.melodyIntervalAgreement(Genre.POP, Genre.HOUSE, 0), 100 * r.melodyIntervalAgreement(Genre.POP, Genre.HOUSE, 1),
                100 * r.melodyIntervalAgreement(Genre.JAZZ, Genre.BOSSA_NOVA, 0), 100 * r.melodyIntervalAgreement(Genre.JAZZ, Genre.BOSSA_NOVA, 1));
        for (Genre g : Genre.values()) {
            System.out.printf(Locale.ROOT, "%s: second-phrase bars repeating the first phrase's rhythm %.1f%%%n", g.slug(),
                    100 * r.phraseRhythmRepeatRate(g));
        }
        System.out.println("genre          forms sets newRhy motif drumRep emptyB secRng leapRec nctStrong nctRes above chromN chromCh minorV");
        for (Genre g : Genre.values()) {
            ListeningMeasures m = r.pooled(g);
            System.out.printf(Locale.ROOT, "%-14s %5d %4d %5.1f%% %5.1f %6.1f%% %5.1f%% %5.1f %6.1f%% %8.1f%% %5.1f%% %5.1f%% %5.1f%% %6.1f%% %5.1f%%%n",
                    g.slug(), r.forms(g), r.instrumentSets(g), 100 * m.newRhythmRate(),
                    (double) m.openingMotifRecurrences() / (6 * seeds), 100 * m.drumRepeatRate(), 100 * r.emptyBeatRate(g),
                    r.smallestSectionRange(g), 100 * m.leapRecoveryRate(), 100 * m.strongBeatNonChordRate(),
                    100 * m.nonChordResolutionRate(), 100 * m.melodyAboveRate(), 100 * m.chromaticNoteRate(),
                    100 * m.chromaticChordRate(), 100 * m.leadingToneCadenceRate());
        }
    }
}
