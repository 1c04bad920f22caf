package com.soundhub.web.views;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.soundhub.web.views.SharedRendering.ViewerPart;

/**
 * A page rendered for one member, made into one that any member it looks the same to can be sent:
 * the parts that belong to the viewer are cut out to be rendered for each ({@link ViewerPart}),
 * and the viewer's CSRF token, wherever the page carries it, is left as a blank to fill in. The
 * rest is kept as bytes, so that sending the page is little more than copying them.
 */
public final class MemberPageTemplate {

    private sealed interface Segment permits Text, CsrfToken, Part {
    }

    private record Text(byte[] bytes) implements Segment {
    }

    private record CsrfToken() implements Segment {
    }

    private record Part(ViewerPart part) implements Segment {
    }

    private static final CsrfToken CSRF_TOKEN = new CsrfToken();

    private final List<Segment> segments;
    private final Charset charset;

    private MemberPageTemplate(List<Segment> segments, Charset charset) {
        this.segments = segments;
        this.charset = charset;
    }

    /**
     * The template of {@code html}, a page of a {@link SharedRendering} made for the viewer whose
     * CSRF token is {@code csrfToken}; empty when its marks do not pair up (a part inside a part,
     * or one left open), which no page should have, so that nothing of the viewer's is ever kept.
     */
    public static Optional<MemberPageTemplate> cut(String html, SharedRendering rendering, String csrfToken, Charset charset) {
        if (csrfToken == null || csrfToken.isEmpty()) {
            return Optional.empty();
        }
        String markPrefix = rendering.markPrefix();
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        for (int mark = html.indexOf(markPrefix); mark >= 0; mark = html.indexOf(markPrefix, from)) {
            addText(segments, html.substring(from, mark), csrfToken, charset);
            int end = html.indexOf("-->", mark);
            String label = html.substring(mark + markPrefix.length(), end);
            if (label.startsWith("/")) {
                return Optional.empty();
            }
            int close = html.indexOf(markPrefix, end);
            if (close < 0 || !html.startsWith("/-->", close + markPrefix.length())) {
                return Optional.empty();
            }
            segments.add(new Part(ViewerPart.parse(label)));
            from = close + markPrefix.length() + 4;
        }
        addText(segments, html.substring(from), csrfToken, charset);
        return Optional.of(new MemberPageTemplate(List.copyOf(segments), charset));
    }

    private static void addText(List<Segment> segments, String text, String csrfToken, Charset charset) {
        int from = 0;
        for (int token = text.indexOf(csrfToken); token >= 0; token = text.indexOf(csrfToken, from)) {
            addBytes(segments, text.substring(from, token).getBytes(charset));
            segments.add(CSRF_TOKEN);
            from = token + csrfToken.length();
        }
        addBytes(segments, text.substring(from).getBytes(charset));
    }

    private static void addBytes(List<Segment> segments, byte[] bytes) {
        if (bytes.length > 0) {
            segments.add(new Text(bytes));
        }
    }

    /** The parts this page renders for each viewer. */
    List<ViewerPart> parts() {
        return segments.stream().filter(Part.class::isInstance).map(segment -> ((Part) segment).part()).toList();
    }

    /**
     * The page for a viewer: their CSRF token in every blank, each of their parts as {@code render}
     * makes it. Only the parts are made anew; the rest is written from the kept bytes.
     */
    public Filled fill(String csrfToken, Function<ViewerPart, String> render) {
        byte[] token = csrfToken.getBytes(charset);
        List<byte[]> pieces = new ArrayList<>(segments.size());
        int length = 0;
        for (Segment segment : segments) {
            byte[] piece;
            if (segment instanceof Text text) {
                piece = text.bytes();
            } else if (segment instanceof Part part) {
                piece = render.apply(part.part()).getBytes(charset);
            } else {
                piece = token;
            }
            pieces.add(piece);
            length += piece.length;
        }
        return new Filled(pieces, length);
    }

    /** A page filled in for one viewer, ready to be written. */
    public static final class Filled {

        private final List<byte[]> pieces;
        private final int length;

        private Filled(List<byte[]> pieces, int length) {
            this.pieces = pieces;
            this.length = length;
        }

        public int length() {
            return length;
        }

        public void writeTo(OutputStream out) throws IOException {
            for (byte[] piece : pieces) {
                out.write(piece);
            }
        }
    }
}
