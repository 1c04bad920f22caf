package com.soundhub.web.views;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

class FragmentCacheTest {

    private static final String TEMPLATE = """
            <main><h1 th:text="${viewer}">viewer</h1><section sh:cache="${key}"><p th:each="t : ${titles}" th:text="${t}">t</p></section></main>""";

    private final FragmentCache cache = new FragmentCache();
    private final TemplateEngine engine = new TemplateEngine();

    FragmentCacheTest() {
        cache.lifetimeSeconds = 5;
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        engine.addDialect(new SoundHubDialect());
    }

    private String render(String viewer, Object key, Object titles) {
        FragmentCache.Page page = cache.newPage();
        Context context = new Context();
        context.setVariables(Map.of("viewer", viewer, "titles", titles,
                CachedFragmentProcessor.PAGE_VARIABLE, page));
        if (key != null) {
            context.setVariable("key", key);
        }
        return page.finish(engine.process(TEMPLATE, context));
    }

    @Test
    void aMarkedPartIsRenderedOnceAndKeptForTheNextViewer() {
        String first = render("mina", "feed:1", java.util.List.of("Night drive", "Rain"));
        assertThat(first).isEqualTo("<main><h1>mina</h1><section><p>Night drive</p><p>Rain</p></section></main>");

        String second = render("jun", "feed:1", java.util.List.of("Changed meanwhile"));
        assertThat(second).isEqualTo("<main><h1>jun</h1><section><p>Night drive</p><p>Rain</p></section></main>");

        assertThat(render("sora", "feed:2", java.util.List.of("Other page"))).contains("<p>Other page</p>");
    }

    @Test
    void keptTextIsNeverReadAsAnExpression() {
        String typed = "[[${7*6}]] [(${7*7})] <script>alert(1)</script>";
        String first = render("mina", "feed:1", java.util.List.of(typed));
        String kept = render("jun", "feed:1", java.util.List.of());
        assertThat(kept).isEqualTo(first.replace("mina", "jun"))
                .contains("[[${7*6}]] [(${7*7})] &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("42").doesNotContain("49");
    }

    @Test
    void withoutAKeyThePartIsTheViewersOwnAndNotKept() {
        render("mina", null, java.util.List.of("Mina feed"));
        assertThat(render("jun", null, java.util.List.of("Jun feed"))).contains("<p>Jun feed</p>").doesNotContain("Mina");
    }

    @Test
    void aForgottenPartIsRenderedAgainAndNoMarkIsLeftInThePage() {
        render("mina", "feed:1", java.util.List.of("Before"));
        cache.forgetAll();
        String again = render("jun", "feed:1", java.util.List.of("After"));
        assertThat(again).contains("<p>After</p>").doesNotContain("<!--");
    }

    @Test
    void aPartRenderedWhileTheCacheWasForgottenIsNotKept() {
        FragmentCache.Page page = cache.newPage();
        Context context = new Context();
        context.setVariables(Map.of("viewer", "mina", "key", "feed:1", "titles", java.util.List.of("Read before the change"),
                CachedFragmentProcessor.PAGE_VARIABLE, page));
        String html = engine.process(TEMPLATE, context);
        cache.forgetAll();
        page.finish(html);
        assertThat(render("jun", "feed:1", java.util.List.of("Read after"))).contains("<p>Read after</p>");
    }
}
