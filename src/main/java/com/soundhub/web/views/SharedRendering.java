package com.soundhub.web.views;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A page being rendered so that other members can be sent it too: the parts of it that belong to
 * whoever views it (marked {@code sh:per-viewer} in the templates) are written between marks, so
 * that {@link MemberPageTemplate} can cut them out. The marks begin with a secret made once per
 * instance, so nothing else on a page can pass for one (escaped text cannot hold {@code <!--}
 * anyway).
 */
public final class SharedRendering {

    /** The request attribute that asks {@link PageRenderer} to mark the viewer's parts. */
    public static final String REQUEST_ATTRIBUTE = SharedRendering.class.getName();
    /** The template variable {@link ViewerPartProcessor} finds it under. */
    static final String VARIABLE = "soundhubSharedRendering";
    private static final String SEPARATOR = "::";

    private final String markPrefix = "<!--sh-viewer-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12)) + ":";
    private final String closingMark = markPrefix + "/-->";

    /** The marks around a part rendered from {@code fragment} of {@code template}. */
    String[] marks(String template, String fragment) {
        return new String[] {markPrefix + template + SEPARATOR + fragment + "-->", closingMark};
    }

    String markPrefix() {
        return markPrefix;
    }

    /** The page as its own viewer is sent it: everything rendered, without the marks. */
    public String withoutMarks(String html) {
        int mark = html.indexOf(markPrefix);
        if (mark < 0) {
            return html;
        }
        StringBuilder page = new StringBuilder(html.length());
        int from = 0;
        for (; mark >= 0; mark = html.indexOf(markPrefix, from)) {
            page.append(html, from, mark);
            from = html.indexOf("-->", mark) + 3;
        }
        return page.append(html, from, html.length()).toString();
    }

    /** A part to render for each viewer: the named fragment of a template. */
    public record ViewerPart(String template, String fragment) {

        static ViewerPart parse(String label) {
            int separator = label.lastIndexOf(SEPARATOR);
            if (separator <= 0 || separator + SEPARATOR.length() >= label.length()) {
                throw new IllegalArgumentException("Not a viewer part: " + label);
            }
            return new ViewerPart(label.substring(0, separator), label.substring(separator + SEPARATOR.length()));
        }
    }
}
