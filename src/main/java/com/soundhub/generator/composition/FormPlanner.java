package com.soundhub.generator.composition;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the form: an intro, themed sections that recur with variation (A A' B A''...),
 * and a short outro carrying the final cadence.
 */
final class FormPlanner {

    enum Kind { INTRO, BODY, OUTRO }

    /**
     * A planned section.
     *
     * @param theme      theme letter for body sections ('A', 'B'), or the intro/outro marker
     * @param occurrence how many times this theme was heard before (0 = first statement)
     * @param lastBody   true for the body section right before the outro
     */
    record PlannedSection(Kind kind, char theme, int occurrence, String label, int startBar, int bars,
                          boolean lastBody) {
    }

    private FormPlanner() {
    }

    /** Bars for a target length; rounding keeps the piece within half a bar of the request. */
    static int barsFor(int lengthSeconds, int tempoBpm, int beatsPerBar) {
        long bars = Math.round(lengthSeconds * tempoBpm / (60.0 * beatsPerBar));
        return (int) Math.max(4, bars);
    }

    /** Bars per themed section: long pieces breathe in 8-bar sections, short ones in 4. */
    static int phraseBars(int bodyBars) {
        return bodyBars >= 24 ? 8 : 4;
    }

    static List<PlannedSection> plan(int totalBars, String form) {
        int intro = totalBars < 12 ? 1 : totalBars < 24 ? 2 : 4;
        int outro = totalBars < 16 ? 1 : 2;
        int body = totalBars - intro - outro;
        int sectionBars = phraseBars(body);

        List<Integer> lengths = new ArrayList<>();
        int full = body / sectionBars;
        int remainder = body % sectionBars;
        for (int i = 0; i < full; i++) {
            lengths.add(sectionBars);
        }
        if (remainder >= Math.max(2, sectionBars / 2) || lengths.isEmpty()) {
            lengths.add(remainder);
        } else if (remainder > 0) {
            lengths.set(lengths.size() - 1, lengths.get(lengths.size() - 1) + remainder);
        }

        List<PlannedSection> sections = new ArrayList<>();
        sections.add(new PlannedSection(Kind.INTRO, 'I', 0, "Intro", 0, intro, false));
        int bar = intro;
        int[] occurrences = new int[26];
        for (int i = 0; i < lengths.size(); i++) {
            char theme = form.charAt(i % form.length());
            int occurrence = occurrences[theme - 'A']++;
            sections.add(new PlannedSection(Kind.BODY, theme, occurrence, label(theme, occurrence), bar,
                    lengths.get(i), i == lengths.size() - 1));
            bar += lengths.get(i);
        }
        sections.add(new PlannedSection(Kind.OUTRO, 'O', 0, "Outro", bar, outro, false));
        return sections;
    }

    private static String label(char theme, int occurrence) {
        return occurrence <= 3 ? theme + "'".repeat(occurrence) : theme + String.valueOf(occurrence + 1);
    }
}
