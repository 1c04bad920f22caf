package com.soundhub.projects;

import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.soundhub.web.Dates;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** The player fragment of a project's audio file, in each state of its analysis. */
class ProjectPlayerFragmentTest {

    private static final String HASH = "0123456789abcdef".repeat(4);

    /** The site's assets bean, as far as the fragment uses it. */
    public static final class Assets {
        public String site(String path) {
            return "/static/" + path + "?v=test";
        }
    }

    private final TemplateEngine engine = new TemplateEngine();

    ProjectPlayerFragmentTest() {
        FileTemplateResolver templates = new FileTemplateResolver();
        templates.setPrefix("src/main/webapp/WEB-INF/views/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        templates.setOrder(2);
        // The page that includes the fragment, as the project pages do.
        StringTemplateResolver page = new StringTemplateResolver();
        page.setResolvablePatterns(Set.of("<*"));
        page.setTemplateMode(TemplateMode.HTML);
        page.setOrder(1);
        engine.addTemplateResolver(page);
        engine.addTemplateResolver(templates);
    }

    private static ProjectFile file(String path, Integer durationMs, String analysis, String note) {
        return new ProjectFile(path, HASH, 1234, 1, Instant.parse("2026-12-01T10:00:00Z"), durationMs,
                durationMs == null ? null : 44100, durationMs == null ? null : 2, 99L, analysis, note);
    }

    @Test
    void anAnalysedFilePlaysWithItsWaveformAndCanBeDownloaded() {
        Document html = render(file("mix/final take.wav", 83_000, "DONE", null));
        var player = html.selectFirst("[data-player]");
        assertThat(player).isNotNull();
        assertThat(player.attr("data-playlist")).isEqualTo("/projects/P1/files/" + HASH + "/playlist.m3u8");
        assertThat(player.attr("data-peaks-url")).isEqualTo("/projects/P1/files/" + HASH + "/peaks.json");
        assertThat(player.attr("data-duration")).isEqualTo("83.0");
        assertThat(player.attr("data-title")).isEqualTo("final take.wav");
        assertThat(player.attr("role")).isEqualTo("group");
        assertThat(player.attr("aria-label")).isEqualTo("final take.wav");
        assertThat(player.selectFirst("button[data-play]").attr("aria-label")).isEqualTo("Play");
        assertThat(player.selectFirst("canvas[data-waveform]").attr("aria-label")).isEqualTo("Position in final take.wav");
        assertThat(player.text()).contains("1:23");
        assertThat(html.selectFirst("script").attr("src")).isEqualTo("/static/js/player.js?v=test");
        assertThat(html.text()).doesNotContain("Analysing");
        assertDownload(html, "mix/final take.wav", "final take.wav");
    }

    @Test
    void aFileWaitingForItsAnalysisSaysSo() {
        Document html = render(file("take.wav", null, "PENDING", null));
        assertThat(html.select("[data-player]")).isEmpty();
        assertThat(html.select("script")).isEmpty();
        assertThat(html.selectFirst("[role=status]").text()).isEqualTo("Analysing…");
        assertDownload(html, "take.wav", "take.wav");
    }

    @Test
    void aFileThatCouldNotBeAnalysedSaysWhyAsText() {
        Document html = render(file("lyrics.wav", null, "FAILED", "This file is not audio <b>SoundHub</b> can read."));
        assertThat(html.select("[data-player]")).isEmpty();
        assertThat(html.select("b")).isEmpty();
        assertThat(html.text()).contains("This file is not audio <b>SoundHub</b> can read.").doesNotContain("Analysing");
        assertDownload(html, "lyrics.wav", "lyrics.wav");
    }

    @Test
    void whichFilesTheFragmentIsFor() {
        assertThat(file("take.WAV", null, "PENDING", null).isAudioFile()).isTrue();
        assertThat(file("take.wav", null, "FAILED", "no").isAudioFile()).isTrue();
        assertThat(file("take.wav", null, null, null).isAudioFile()).isTrue();
        assertThat(file("bounce.bin", 1000, "DONE", null).isAudioFile()).isTrue();
        assertThat(file("notes.txt", null, "NONE", null).isAudioFile()).isFalse();
        assertThat(file("take.wav", 1000, "DONE", null).isPlayable()).isTrue();
        assertThat(file("take.wav", null, "PENDING", null).isPlayable()).isFalse();
    }

    private static void assertDownload(Document html, String path, String name) {
        var download = html.selectFirst("a.project-audio-download");
        assertThat(download).isNotNull();
        // The revision the content arrived in (1 here) always holds it, so old revisions' files download too.
        assertThat(download.attr("href")).isEqualTo("/projects/P1/files/" + HASH + "?path="
                + path.replace(" ", "%20") + "&revision=1");
        assertThat(download.attr("download")).isEqualTo(name);
        assertThat(download.text()).isEqualTo("Download " + name);
    }

    private Document render(ProjectFile file) {
        ServletContext servletContext = fake(ServletContext.class, null);
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(fake(HttpServletRequest.class, servletContext), fake(HttpServletResponse.class, null)), Locale.ENGLISH);
        context.setVariable("project", "P1");
        context.setVariable("shown", file);
        context.setVariable("dates", new Dates());
        context.setVariable("assets", new Assets());
        StringWriter html = new StringWriter();
        engine.process("<div th:replace=\"~{projects/player :: player(${project}, ${shown})}\"></div>", context, html);
        return Jsoup.parseBodyFragment(html.toString());
    }

    private static Object nothing(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    /** A servlet object that answers with nothing, but for the few things links need. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, ServletContext servletContext) {
        // The page's variables live in the request's attributes.
        Map<String, Object> attributes = new HashMap<>();
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, arguments) -> {
            Class<?> returns = method.getReturnType();
            return switch (method.getName()) {
                case "getAttribute" -> attributes.get((String) arguments[0]);
                case "setAttribute" -> attributes.put((String) arguments[0], arguments[1]);
                case "removeAttribute" -> attributes.remove((String) arguments[0]);
                case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                case "getCharacterEncoding" -> "UTF-8";
                case "getContextPath" -> "";
                case "getServletContext" -> servletContext;
                case "encodeURL" -> arguments[0];
                default -> nothing(returns);
            };
        });
    }
}
