package com.soundhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A small browser for integration tests: keeps cookies, does not follow redirects on its own (so
 * tests can see them), parses pages and submits their forms the way a browser would. Like the
 * site's script, it fetches a public page's viewer part when someone is signed in (or a message
 * waits) and shows the page as the viewer sees it (see {@link Page#document()}).
 */
public final class WebClient {

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;

    public WebClient(URI base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A client for another server (such as a second instance) that shares this one's cookies. */
    public WebClient sameBrowserAt(URI otherBase) {
        return new WebClient(otherBase, cookies);
    }

    /** A client for the same server with no cookies: someone else, or a fresh browser. */
    public WebClient stranger() {
        return new WebClient(base);
    }

    public URI base() {
        return base;
    }

    public Page get(String path) {
        return withViewerParts(send(HttpRequest.newBuilder(base.resolve(path)).GET()));
    }

    /** The page with its viewer part, when it has one and the site's script would ask for it. */
    private Page withViewerParts(Page page) {
        String viewerPath = page.viewerPath();
        if (viewerPath == null || (cookie("soundhub_member").isEmpty() && cookie("soundhub_flash").isEmpty())) {
            return page;
        }
        Page viewer = send(HttpRequest.newBuilder(base.resolve(viewerPath)).GET());
        return viewer.status() == 200 ? page.withViewerParts(viewer.body()) : page;
    }

    /** GET, following redirects within the site, as a browser would. */
    public Page browse(String path) {
        Page page = get(path);
        for (int hops = 0; page.isRedirect() && hops < 10; hops++) {
            page = get(page.location());
        }
        return page;
    }

    /** The body of a GET as bytes, for pictures and other files. */
    public byte[] sendBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Page post(String path, Map<String, String> form) {
        return withViewerParts(send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncode(form)))));
    }

    public Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers(), response.body(), response.uri(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Submits the form {@code formSelector} of {@code page}: its current field values (hidden CSRF
     * token included), overridden by {@code values}.
     */
    public Page submit(Page page, String formSelector, Map<String, String> values) {
        Element form = page.document().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No form " + formSelector + " on " + page.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (("checkbox".equals(type) || "radio".equals(type)) && !input.hasAttr("checked")) {
                continue;
            }
            if ("submit".equals(type)) {
                continue;
            }
            fields.put(input.attr("name"), valueOf(input));
        }
        fields.putAll(values);
        String action = form.attr("action").isEmpty() ? page.uri().getPath() : form.attr("action");
        return post(action, fields);
    }

    /** What a browser would send for the field: the text, or a select's chosen (else first) option. */
    private static String valueOf(Element field) {
        if (field.is("textarea")) {
            return field.wholeText();
        }
        if (field.is("select")) {
            Element chosen = field.selectFirst("option[selected]");
            if (chosen == null) {
                chosen = field.selectFirst("option");
            }
            return chosen == null ? "" : chosen.val();
        }
        return field.val();
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The cookies as a Cookie header, for clients other than this one (streams, second instances). */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Sets a cookie for this site, as if the server had set it. */
    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    public void forgetCookie(String name) {
        cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .toList()
                .forEach(cookie -> cookies.getCookieStore().remove(null, cookie));
    }

    public static String urlEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * A response, with its HTML parsed on demand; {@code viewerParts} is the viewer part fetched
     * after a public page, or null.
     */
    public record Page(int status, HttpHeaders headers, String body, URI uri, String viewerParts) {

        /**
         * The page as its viewer sees it: a public page with its viewer part put in place, the CSRF
         * token in its forms, and what the page's style sheet would hide from this viewer left out
         * (members' controls for visitors, visitors' links for members, comment controls that are
         * not theirs), as the site's script does in a browser.
         */
        public Document document() {
            Document document = Jsoup.parse(body, uri.toString());
            Element state = null;
            if (viewerParts != null) {
                Document parts = Jsoup.parse(viewerParts, uri.toString());
                state = parts.getElementById("viewer-state");
                for (Element part : parts.body().children()) {
                    Element target = part.id().isEmpty() || part == state ? null : document.getElementById(part.id());
                    if (target != null) {
                        target.replaceWith(part.clone());
                    }
                }
            }
            if (body.contains("data-viewer=")) {
                String member = state == null ? "" : state.attr("data-member");
                boolean moderator = state != null && "true".equals(state.attr("data-moderator"));
                if (state != null) {
                    String token = state.attr("data-csrf-token");
                    document.select("input[name=_csrf]").forEach(input -> input.val(token));
                    document.select("meta[name=csrf-token]").attr("content", token);
                }
                document.select(member.isEmpty() ? ".members-only" : ".visitors-only").remove();
                for (Element actions : document.select(".comment-actions[data-author]")) {
                    boolean mine = actions.attr("data-author").equals(member);
                    if (!mine && !moderator) {
                        actions.select("[data-delete]").remove();
                    }
                    if (mine) {
                        actions.select("[data-report]").remove();
                    }
                }
            }
            return document;
        }

        /** The address of the page's viewer part, if it is a page that has one. */
        String viewerPath() {
            if (status < 200 || status >= 300 && status < 400 || !body.contains("data-viewer=")) {
                return null;
            }
            String path = Jsoup.parse(body, uri.toString()).body().attr("data-viewer");
            return path.isEmpty() ? null : path;
        }

        Page withViewerParts(String parts) {
            return new Page(status, headers, body, uri, parts);
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400;
        }

        public String location() {
            return headers.firstValue("Location").map(URI::create).map(URI::getRawPath)
                    .map(path -> path + Optional.ofNullable(URI.create(headers.firstValue("Location").get()).getRawQuery())
                            .map(query -> "?" + query).orElse(""))
                    .orElseThrow(() -> new AssertionError("No Location header; status " + status));
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Text of the element, or null when the page has none. */
        public String text(String selector) {
            Element element = document().selectFirst(selector);
            return element == null ? null : element.text();
        }

        public String csrfToken() {
            Element token = document().selectFirst("input[name=_csrf]");
            if (token == null) {
                throw new AssertionError("No CSRF token on " + uri);
            }
            return token.val();
        }

        @Override
        public String toString() {
            return status + " " + uri;
        }
    }
}
