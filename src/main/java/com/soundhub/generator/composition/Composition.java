package com.soundhub.generator.composition;

import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A generated piece: global settings, form, harmonic plan and the four instrumental parts.
 *
 * @param request         the request it was generated from
 * @param key             the key actually used
 * @param tempoBpm        tempo in quarter notes per minute
 * @param timeSignature   metre
 * @param ticksPerQuarter MIDI resolution (pulses per quarter note)
 * @param lengthTicks     length of the piece in ticks; no note ends after it
 * @param sections        formal sections in order, covering the whole piece
 * @param chords          harmonic plan in order, covering the whole piece
 * @param parts           the parts in the order drums, bass, harmony, melody (fewer for a stem view)
 */
public record Composition(CompositionRequest request, Key key, int tempoBpm, TimeSignature timeSignature,
                          int ticksPerQuarter, int lengthTicks, List<Section> sections,
                          List<ChordSpan> chords, List<Part> parts) {

    public Composition {
        sections = List.copyOf(sections);
        chords = List.copyOf(chords);
        parts = List.copyOf(parts);
        if (ticksPerQuarter < 24 || ticksPerQuarter > 0x7FFF) {
            throw new IllegalArgumentException("ticksPerQuarter must be 24-32767 but was " + ticksPerQuarter);
        }
        if (lengthTicks < 1) {
            throw new IllegalArgumentException("composition length must be positive");
        }
    }

    /** The part playing the given role. */
    public Part part(PartRole role) {
        for (Part part : parts) {
            if (part.role() == role) {
                return part;
            }
        }
        throw new NoSuchElementException("composition has no " + role.label() + " part");
    }

    /** True when a part with the given role is present. */
    public boolean hasPart(PartRole role) {
        return parts.stream().anyMatch(p -> p.role() == role);
    }

    /** Roles of the parts present, in arrangement order. */
    public Set<PartRole> roles() {
        Set<PartRole> roles = EnumSet.noneOf(PartRole.class);
        parts.forEach(p -> roles.add(p.role()));
        return roles;
    }

    /** The same piece reduced to the given parts, e.g. for stems or metrics of pitched parts only. */
    public Composition withOnly(Set<PartRole> roles) {
        List<Part> kept = parts.stream().filter(p -> roles.contains(p.role())).toList();
        return new Composition(request, key, tempoBpm, timeSignature, ticksPerQuarter, lengthTicks,
                sections, chords, kept);
    }

    /** Length of one bar in ticks. */
    public int ticksPerBar() {
        return timeSignature.ticksPerBar(ticksPerQuarter);
    }

    /** Number of bars. */
    public int bars() {
        return lengthTicks / ticksPerBar();
    }

    /** Microseconds per quarter note, as written to the MIDI tempo event. */
    public int microsecondsPerQuarter() {
        return Math.round(60_000_000f / tempoBpm);
    }

    /** Duration of the piece in seconds. */
    public double durationSeconds() {
        return ticksToSeconds(lengthTicks);
    }

    /** Converts a tick position to seconds at this piece's tempo. */
    public double ticksToSeconds(long ticks) {
        return ticks * (double) microsecondsPerQuarter() / ticksPerQuarter / 1_000_000.0;
    }

    /** Short descriptive title, e.g. {@code "Pop in A minor (happy)"}. */
    public String title() {
        return capitalize(request.genre().label()) + " in " + key.label() + " (" + request.mood().label() + ")";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
