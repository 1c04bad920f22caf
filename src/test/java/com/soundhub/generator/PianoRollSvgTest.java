package com.soundhub.generator;

import com.soundhub.generator.composition.Composer;
import com.soundhub.generator.composition.Composition;
import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Mood;
import com.soundhub.generator.composition.PartRole;
import com.soundhub.generator.composition.Section;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PianoRollSvgTest {

    private final Composition piece = new Composer().compose(
            new CompositionRequest(Genre.LOFI_HIP_HOP, Mood.DREAMY, 84, 60, 5));

    @Test
    void isWellFormedSvgWithAViewBoxAndOneShapePerPart() throws Exception {
        String svg = PianoRollSvg.render(piece);
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"));
        assertTrue(root.getAttribute("viewBox").matches("0 0 \\d+(\\.\\d)? \\d+(\\.\\d)?"), root.getAttribute("viewBox"));
        List<String> fills = new ArrayList<>();
        NodeList paths = doc.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            String fill = ((Element) paths.item(i)).getAttribute("fill");
            if (fill.startsWith("#")) {
                fills.add(fill);
            }
        }
        assertEquals(4, fills.size(), "one filled shape per part");
        assertEquals(4, fills.stream().distinct().count(), "one colour per part");
    }

    @Test
    void marksEverySectionWithItsLabel() throws Exception {
        Document doc = parse(PianoRollSvg.render(piece));
        NodeList texts = doc.getElementsByTagName("text");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        for (Section section : piece.sections()) {
            assertTrue(labels.contains(section.label()), "missing label " + section.label());
        }
        assertTrue(PianoRollSvg.render(piece).contains("stroke-dasharray"), "section boundaries drawn");
    }

    @Test
    void escapesTextAndReferencesNothingExternal() throws Exception {
        String hostile = "<script>alert('x')</script> & \"quotes\"\u0001";
        String svg = PianoRollSvg.render(piece, hostile);
        Document doc = parse(svg);
        assertEquals(hostile.replace('\u0001', ' '), doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        String lower = svg.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("href"), "no links");
        assertFalse(lower.contains("url("), "no external paint or fonts");
        assertFalse(lower.contains("<image"), "no images");
        assertFalse(lower.contains("<script"), "no script");
    }

    @Test
    void staysCompact() {
        Composition longest = new Composer().compose(new CompositionRequest(Genre.HOUSE, Mood.ENERGETIC, 180, 240, 3));
        int notes = longest.parts().stream().mapToInt(p -> p.notes().size()).sum();
        String svg = PianoRollSvg.render(longest);
        assertTrue(svg.length() < notes * 40, svg.length() + " characters for " + notes + " notes");
    }

    @Test
    void theLegendOnThePageShowsThePartsInTheirColours() throws Exception {
        String css = Files.readString(Path.of("src/main/webapp/static/css/soundhub.css"));
        String page = Files.readString(Path.of("src/main/webapp/WEB-INF/views/generator/piece.html"));
        for (PartRole role : PartRole.values()) {
            Matcher swatch = Pattern.compile("\\.swatch-" + role.slug() + " \\{ background: (#[0-9a-f]{6}); }").matcher(css);
            assertTrue(swatch.find(), "a swatch for " + role.label());
            assertEquals(PianoRollSvg.colour(role), swatch.group(1), "the colour of " + role.label());
            assertTrue(page.contains("swatch-" + role.slug() + "\" aria-hidden=\"true\"></span>" + role.label()),
                    "the legend names " + role.label());
        }
    }

    @Test
    void numbersAreLocaleIndependent() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertFalse(PianoRollSvg.render(piece).matches("(?s).*\\d,\\d.*"), "decimal commas");
        } finally {
            Locale.setDefault(previous);
        }
        assertEquals("12.5", PianoRollSvg.number(12.46));
        assertEquals("-0.4", PianoRollSvg.number(-0.4));
        assertEquals("3", PianoRollSvg.number(3.0));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
