package com.soundhub.generator.composition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Collects a part's notes, humanises them with small seeded jitter and makes them
 * playable: inside the piece, inside the register, no overlapping notes of the same pitch.
 */
final class PartBuilder {

    private static final Comparator<Note> ORDER = Comparator.comparingInt(Note::tick)
            .thenComparingInt(Note::pitch).thenComparingInt(Note::duration).thenComparingInt(Note::velocity);

    private final SplittableRandom feel;
    private final double timingSpread;
    private final int timingLimit;
    private final double velocitySpread;
    private final int lengthTicks;
    private final int lowest;
    private final int highest;
    private final List<Note> notes = new ArrayList<>();

    /**
     * @param feel           random stream used only for humanisation
     * @param timingSpread   standard deviation of onset jitter in ticks
     * @param timingLimit    largest onset shift in ticks, keeping the groove on its grid
     * @param velocitySpread standard deviation of velocity jitter
     */
    PartBuilder(SplittableRandom feel, double timingSpread, int timingLimit, double velocitySpread,
                int lengthTicks, int lowest, int highest) {
        if (highest - lowest < 11) {
            throw new IllegalArgumentException("register must span at least an octave");
        }
        this.lowest = lowest;
        this.highest = highest;
        this.feel = feel;
        this.timingSpread = timingSpread;
        this.timingLimit = timingLimit;
        this.velocitySpread = velocitySpread;
        this.lengthTicks = lengthTicks;
    }

    /** Adds a note at its nominal position; {@code offset} is a deliberate push or drag in ticks. */
    void add(int tick, int duration, int pitch, int velocity, int offset) {
        int shift = (int) Math.round(Randomness.gaussian(feel) * timingSpread);
        shift = Math.max(-timingLimit, Math.min(timingLimit, shift)) + offset;
        int v = (int) Math.round(velocity + Randomness.gaussian(feel) * velocitySpread);
        int start = Math.max(0, tick + shift);
        if (start >= lengthTicks) {
            return;
        }
        int end = Math.min(lengthTicks, start + Math.max(1, duration));
        notes.add(new Note(start, Math.max(1, end - start), fold(pitch), Math.max(1, Math.min(127, v))));
    }

    void add(int tick, int duration, int pitch, int velocity) {
        add(tick, duration, pitch, velocity, 0);
    }

    /** Moves a pitch by octaves into the register: a last safety net behind each writer's own range logic. */
    int fold(int pitch) {
        int p = pitch;
        while (p > highest) {
            p -= 12;
        }
        while (p < lowest) {
            p += 12;
        }
        return p;
    }

    /** Sorted notes with same-pitch overlaps trimmed so every note-off belongs to its note-on. */
    List<Note> build() {
        return playable(notes);
    }

    /** The notes sorted, doubled notes dropped and same-pitch overlaps trimmed. */
    static List<Note> playable(List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(ORDER);
        Note[] lastByPitch = new Note[128];
        int[] indexByPitch = new int[128];
        List<Note> result = new ArrayList<>(sorted.size());
        for (Note note : sorted) {
            Note previous = lastByPitch[note.pitch()];
            if (previous != null && note.tick() < previous.endTick()) {
                if (note.tick() == previous.tick()) {
                    continue; // doubled note: keep the first
                }
                Note trimmed = new Note(previous.tick(), note.tick() - previous.tick(), previous.pitch(),
                        previous.velocity());
                result.set(indexByPitch[note.pitch()], trimmed);
            }
            lastByPitch[note.pitch()] = note;
            indexByPitch[note.pitch()] = result.size();
            result.add(note);
        }
        return List.copyOf(result);
    }
}
