package com.soundhub.generator;

import com.soundhub.generator.composition.Composition;
import com.soundhub.generator.composition.Note;
import com.soundhub.generator.composition.Part;
import com.soundhub.generator.composition.PartRole;
import com.soundhub.generator.composition.Section;

/**
 * Draws a composition as a compact, self-contained SVG piano roll: time runs left to
 * right, pitch bottom to top, one colour per part, drums in their own lane underneath and
 * section boundaries marked with their labels.
 *
 * <p>The SVG has a {@code viewBox} so it scales to any width, references no external
 * resources, and all text (including a caller-supplied title) is XML-escaped, so it can be
 * inlined into a page as is.
 */
public final class PianoRollSvg {

    private static final double WIDTH = 1000;
    private static final double HEADER = 14;
    private static final double ROW = 3;
    private static final double GAP = 4;
    private static final int DRUM_LANES = 6;

    private PianoRollSvg() {
    }

    /** Renders the composition titled with {@link Composition#title()}. */
    public static String render(Composition composition) {
        return render(composition, composition.title());
    }

    /** Renders the composition with the given accessible title (escaped; may be user input). */
    public static String render(Composition composition, String title) {
        int low = 127;
        int high = 0;
        for (Part part : composition.parts()) {
            if (!part.isDrums()) {
                for (Note note : part.notes()) {
                    low = Math.min(low, note.pitch());
                    high = Math.max(high, note.pitch());
                }
            }
        }
        if (low > high) {
            low = 60;
            high = 72;
        }
        low -= 1;
        high += 1;
        double pitchHeight = (high - low + 1) * ROW;
        double drumTop = HEADER + pitchHeight + GAP;
        double height = drumTop + DRUM_LANES * ROW + 2;
        double ticksToX = WIDTH / composition.lengthTicks();

        StringBuilder svg = new StringBuilder(64 * 1024);
        String safeTitle = escape(title == null ? "" : title);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(number(WIDTH)).append(' ')
                .append(number(height)).append("\" role=\"img\" aria-label=\"").append(safeTitle).append("\">");
        svg.append("<title>").append(safeTitle).append("</title>");
        svg.append("<rect width=\"").append(number(WIDTH)).append("\" height=\"").append(number(height))
                .append("\" fill=\"#fcfcfd\"/>");
        svg.append("<rect y=\"").append(number(drumTop - GAP / 2)).append("\" width=\"").append(number(WIDTH))
                .append("\" height=\"").append(number(DRUM_LANES * ROW + GAP / 2 + 2)).append("\" fill=\"#f1f3f5\"/>");

        sections(svg, composition, ticksToX, height);
        for (Part part : composition.parts()) {
            svg.append("<path fill=\"").append(colour(part.role())).append("\" d=\"");
            for (Note note : part.notes()) {
                double x = note.tick() * ticksToX;
                double w = Math.max(0.6, note.duration() * ticksToX);
                double y = part.isDrums()
                        ? drumTop + drumLane(note.pitch()) * ROW
                        : HEADER + (high - note.pitch()) * ROW;
                svg.append('M').append(number(x)).append(' ').append(number(y))
                        .append('h').append(number(w)).append("v").append(number(ROW - 0.4))
                        .append('h').append(number(-w)).append('z');
            }
            svg.append("\"><title>").append(escape(part.role().label() + ": " + part.instrument()))
                    .append("</title></path>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void sections(StringBuilder svg, Composition composition, double ticksToX, double height) {
        StringBuilder lines = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (Section section : composition.sections()) {
            double x = section.startTick() * ticksToX;
            if (section.startTick() > 0) {
                lines.append('M').append(number(x)).append(' ').append(number(HEADER - 3)).append('V')
                        .append(number(height));
            }
            labels.append("<text x=\"").append(number(x + 2)).append("\" y=\"9\">")
                    .append(escape(section.label())).append("</text>");
        }
        if (!lines.isEmpty()) {
            svg.append("<path stroke=\"#adb5bd\" stroke-width=\"0.6\" stroke-dasharray=\"2 2\" fill=\"none\" d=\"")
                    .append(lines).append("\"/>");
        }
        svg.append("<g font-family=\"sans-serif\" font-size=\"8\" fill=\"#495057\">").append(labels).append("</g>");
    }

    /** Groups General MIDI drum sounds into lanes: kick, snare family, hats, cymbals, toms, other. */
    private static int drumLane(int sound) {
        return switch (sound) {
            case 35, 36 -> 5;
            case 37, 38, 39, 40 -> 4;
            case 42, 44, 46 -> 3;
            case 49, 51, 52, 53, 55, 57, 59 -> 1;
            case 41, 43, 45, 47, 48, 50 -> 2;
            default -> 0;
        };
    }

    /** The part's colour; the legend under the roll on the piece's page shows the same (soundhub.css). */
    static String colour(PartRole role) {
        return switch (role) {
            case DRUMS -> "#868e96";
            case BASS -> "#2f9e44";
            case HARMONY -> "#1c7ed6";
            case MELODY -> "#e8590c";
        };
    }

    /** Locale-independent number with at most one decimal, no trailing ".0". */
    static String number(double value) {
        long tenths = Math.round(value * 10);
        long whole = tenths / 10;
        long fraction = Math.abs(tenths % 10);
        String sign = tenths < 0 && whole == 0 ? "-" : "";
        return fraction == 0 ? sign + whole : sign + whole + "." + fraction;
    }

    /** Escapes text for XML content and attribute values; drops characters XML cannot carry. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
                    out.append(allowed ? c : ' ');
                }
            }
        }
        return out.toString();
    }
}
