package com.soundhub.recordings;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmbedCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"Quiet tune", "Quiet tune\" onload=\"alert(document.domain)\" x=\"",
            "It's <b>bold</b> & 'quoted'", "\"><script>alert(1)</script>", "사랑 노래 ♪", "a\u0000b\nc"})
    void isOneIframeWithItsOwnAttributesWhateverTheTitle(String title) {
        String code = EmbedCode.of("https://soundhub.example/embed/AbC123", title);
        Document pasted = Jsoup.parseBodyFragment(code);
        assertThat(pasted.body().children()).hasSize(1);
        assertThat(pasted.body().select("*")).extracting(Element::tagName).containsExactly("body", "iframe");
        Element iframe = pasted.selectFirst("iframe");
        assertThat(iframe.attributes().asList()).extracting(Attribute::getKey)
                .containsExactly("src", "width", "height", "frameborder", "title");
        assertThat(iframe.attr("src")).isEqualTo("https://soundhub.example/embed/AbC123");
        String expected = title.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(iframe.attr("title")).isEqualTo(expected + " on SoundHub");
        assertThat(List.of(iframe.childNodeSize())).containsExactly(0);
    }
}
