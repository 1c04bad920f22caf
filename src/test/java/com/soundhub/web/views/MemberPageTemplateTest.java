package com.soundhub.web.views;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** A page rendered for one member, cut into a template and filled in for another, is that other member's page. */
class MemberPageTemplateTest {

    private static final String PAGE = "shared-page";
    private static final String MINA_TOKEN = "mina-token.c2lnbmVk";
    private static final String JUN_TOKEN = "jun-token.b3RoZXI";

    private final TemplateEngine engine = new TemplateEngine();
    private final SharedRendering rendering = new SharedRendering();

    MemberPageTemplateTest() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        engine.addDialect(new SoundHubDialect());
    }

    private Context context(String member, long unread, String token, String title, boolean shared) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("member", member);
        variables.put("unread", unread);
        variables.put("title", title);
        variables.put("mvc", Map.of("csrf", Map.of("name", "_csrf", "token", token)));
        if (shared) {
            variables.put(SharedRendering.VARIABLE, rendering);
        }
        Context context = new Context();
        context.setVariables(variables);
        return context;
    }

    private String page(String member, long unread, String token, String title, boolean shared) {
        return engine.process(PAGE, context(member, unread, token, title, shared));
    }

    private MemberPageTemplate templateRenderedFor(String member, long unread, String token, String title) {
        return MemberPageTemplate.cut(page(member, unread, token, title, true), rendering, token, StandardCharsets.UTF_8)
                .orElseThrow();
    }

    @Test
    void aPageMadeForOneMemberAndFilledInForAnotherIsTheOthersOwnPage() throws IOException {
        MemberPageTemplate template = templateRenderedFor("mina", 3, MINA_TOKEN, "Night drive");
        assertThat(template.parts()).containsExactly(new SharedRendering.ViewerPart(PAGE, "nav"));

        MemberPageTemplate.Filled filled = template.fill(JUN_TOKEN, part -> engine.process(
                new TemplateSpec(part.template(), Set.of(part.fragment()), TemplateMode.HTML, null),
                context("jun", 0, JUN_TOKEN, "not used", false)));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        filled.writeTo(written);
        assertThat(written.size()).isEqualTo(filled.length());
        String forJun = written.toString(StandardCharsets.UTF_8);

        assertThat(forJun).isEqualTo(page("jun", 0, JUN_TOKEN, "Night drive", false));
        assertThat(forJun).doesNotContain("mina").doesNotContain(MINA_TOKEN).doesNotContain("<!--")
                .contains("value=\"" + JUN_TOKEN + "\"");
    }

    @Test
    void theMemberItWasRenderedForGetsTheirPageWithoutMarks() {
        String shared = page("mina", 3, MINA_TOKEN, "Night drive", true);
        assertThat(shared).contains("<!--sh-viewer-");
        assertThat(rendering.withoutMarks(shared)).isEqualTo(page("mina", 3, MINA_TOKEN, "Night drive", false));
    }

    @Test
    void outsideASharedRenderingThePartIsJustRendered() {
        assertThat(page("mina", 1, MINA_TOKEN, "Rain", false)).doesNotContain("<!--").doesNotContain("sh:per-viewer")
                .contains("<li class=\"badge\">1</li>");
    }

    @Test
    void marksThatDoNotPairUpKeepNothing() {
        String shared = page("mina", 3, MINA_TOKEN, "Night drive", true);
        int close = shared.lastIndexOf("<!--sh-viewer-");
        String unclosed = shared.substring(0, close) + shared.substring(shared.indexOf("-->", close) + 3);
        assertThat(MemberPageTemplate.cut(unclosed, rendering, MINA_TOKEN, StandardCharsets.UTF_8)).isEmpty();
        String open = shared.substring(0, shared.indexOf("<!--sh-viewer-"));
        String nested = open + shared.substring(open.length(), shared.indexOf("-->", open.length()) + 3) + shared.substring(open.length());
        assertThat(MemberPageTemplate.cut(nested, rendering, MINA_TOKEN, StandardCharsets.UTF_8)).isEmpty();
        assertThat(MemberPageTemplate.cut(shared, rendering, "", StandardCharsets.UTF_8)).isEmpty();
    }
}
