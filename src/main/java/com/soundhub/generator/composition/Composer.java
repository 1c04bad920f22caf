package com.soundhub.generator.composition;

import com.soundhub.generator.composition.FormPlanner.Kind;
import com.soundhub.generator.composition.FormPlanner.PlannedSection;
import com.soundhub.generator.composition.HarmonyPlanner.BarHarmony;
import com.soundhub.generator.composition.HarmonyPlanner.PlannedChord;
import com.soundhub.generator.composition.Randomness.Stream;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a {@link CompositionRequest} into a {@link Composition}.
 *
 * <p>Stateless and thread-safe. Output depends only on the request: every random choice
 * comes from streams seeded by {@link CompositionRequest#seed()} mixed with the genre and mood,
 * so equal requests give equal compositions and byte-identical MIDI files, while one seed in two
 * genres or moods gives unrelated pieces.
 */
public final class Composer {

    public Composer() {
        // Stateless; one instance can serve every request concurrently.
    }

    /**
     * Composes a piece.
     *
     * @param request validated request
     * @return the composition, {@code request}'s length rounded to whole bars
     */
    public Composition compose(CompositionRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
        long seed = Randomness.pieceSeed(request.seed(), request.genre(), request.mood());
        GenreStyle style = GenreStyle.of(request.genre())
                .withForm(Randomness.pick(stream(seed, Stream.FORM), GenreStyle.forms(request.genre())))
                .with(Randomness.pick(stream(seed, Stream.INSTRUMENTATION), GenreStyle.instrumentations(request.genre())));
        MoodProfile mood = MoodProfile.of(request.mood());
        Key key = request.requestedKey().orElseGet(() -> chooseKey(mood, Randomness.stream(seed, Stream.KEY)));

        int totalBars = FormPlanner.barsFor(request.lengthSeconds(), request.tempoBpm(),
                TimeSignature.FOUR_FOUR.numerator());
        List<PlannedSection> plan = FormPlanner.plan(totalBars, style.form());
        int bodyBars = plan.stream().filter(s -> s.kind() == Kind.BODY).mapToInt(PlannedSection::bars).sum();
        int phraseBars = FormPlanner.phraseBars(bodyBars);
        List<BarHarmony> harmony = new HarmonyPlanner(style, key, Randomness.stream(seed, Stream.HARMONY))
                .plan(plan, phraseBars);

        Arrangement arrangement = new Arrangement(request, style, mood, key, plan, harmony);
        Part melody = new MelodyWriter(arrangement, stream(seed, Stream.MELODY), stream(seed, Stream.MELODY_FEEL)).write();
        List<Part> parts = List.of(
                new DrumWriter(arrangement, stream(seed, Stream.DRUMS), stream(seed, Stream.DRUMS_FEEL)).write(),
                new BassWriter(arrangement, stream(seed, Stream.BASS), stream(seed, Stream.BASS_FEEL)).write(),
                UnderMelody.keepBelow(
                        new CompingWriter(arrangement, stream(seed, Stream.COMPING), stream(seed, Stream.COMPING_FEEL)).write(),
                        melody),
                melody);

        return new Composition(request, key, request.tempoBpm(), TimeSignature.FOUR_FOUR,
                Arrangement.TICKS_PER_QUARTER, arrangement.lengthTicks, sections(plan, arrangement),
                chordSpans(harmony, arrangement), parts);
    }

    private static SplittableRandom stream(long seed, Stream stream) {
        return Randomness.stream(seed, stream);
    }

    private static Key chooseKey(MoodProfile mood, SplittableRandom random) {
        int tonic = random.nextInt(12);
        Mode mode = Randomness.pick(random, mood.modes());
        return Key.of(tonic, mode);
    }

    private static List<Section> sections(List<PlannedSection> plan, Arrangement a) {
        List<Section> sections = new ArrayList<>(plan.size());
        for (PlannedSection s : plan) {
            sections.add(new Section(s.label(), s.startBar(), s.bars(), s.startBar() * a.barTicks,
                    (s.startBar() + s.bars()) * a.barTicks));
        }
        return sections;
    }

    /** Flattens the bar plan into spans, merging a chord held across bar lines. */
    private static List<ChordSpan> chordSpans(List<BarHarmony> harmony, Arrangement a) {
        List<ChordSpan> spans = new ArrayList<>();
        for (int bar = 0; bar < harmony.size(); bar++) {
            List<PlannedChord> chords = harmony.get(bar).chords();
            for (int i = 0; i < chords.size(); i++) {
                int start = bar * a.barTicks + chords.get(i).startStep() * a.stepTicks;
                int end = i + 1 < chords.size()
                        ? bar * a.barTicks + chords.get(i + 1).startStep() * a.stepTicks
                        : (bar + 1) * a.barTicks;
                Chord chord = chords.get(i).chord();
                if (!spans.isEmpty()) {
                    ChordSpan last = spans.get(spans.size() - 1);
                    if (last.chord().equals(chord) && last.endTick() == start) {
                        spans.set(spans.size() - 1, new ChordSpan(last.startTick(), end, chord));
                        continue;
                    }
                }
                spans.add(new ChordSpan(start, end, chord));
            }
        }
        return spans;
    }
}
