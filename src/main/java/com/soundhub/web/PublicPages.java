package com.soundhub.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The pages anyone may browse: the feeds, browsing by genre and instrument, search, a recording, a
 * profile and the embeddable player. Each is one page for every viewer: it is rendered as a visitor
 * who is not signed in would get it, without asking who is there, and what is the viewer's own
 * (their header, their like, their token) arrives after it from a small request of its own (see
 * {@code fragments/viewer.html}). So one copy of each serves everyone ({@link PublicPageCache}).
 *
 * <p>A public page sees only the query parameters named here, so that a copy is the same whatever
 * else a request carries, and junk parameters cannot make copies of their own.
 */
public final class PublicPages {

    /** Every parameter a public page reads. */
    static final Set<String> PARAMETERS = Set.of("feed", "after", "q", "genre", "instrument", "license", "sort", "tag",
            "comments");

    private static final Pattern PATHS = Pattern.compile(
            "/|/search|/recordings/[^/.]+|/embed/[^/.]+|/genres/[^/.]+|/instruments/[^/.]+"
                    + "|/members/[^/.]+(/likes|/followers|/following)?");

    private static final int MAX_ADDRESS_LENGTH = 512;

    private PublicPages() {
    }

    /** Whether a GET of {@code path} is a public page, the same for every viewer. */
    public static boolean isPublicPage(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method)) && PATHS.matcher(path).matches();
    }

    /**
     * The parameters the page sees: those named in {@link #PARAMETERS}, first value of each, in a
     * fixed order. Read from the query string as UTF-8, as JAX-RS reads it (the servlet container
     * would decode it as ISO-8859-1).
     */
    static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> seen = new TreeMap<>();
        String query = request.getQueryString();
        if (query == null) {
            return seen;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name != null && PARAMETERS.contains(name) && !seen.containsKey(name)) {
                String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
                if (value != null) {
                    seen.put(name, value);
                }
            }
        }
        return seen;
    }

    /** The decoded text, or null when it is not valid percent-encoding. */
    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    static String queryString(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /**
     * The address a copy of the page is kept under: scheme, host, path and the parameters it sees;
     * null when it is too long to be worth keeping.
     */
    static String address(HttpServletRequest request, Map<String, String> parameters) {
        String query = queryString(parameters);
        String address = (ClientInfo.isSecure(request) ? "https://" : "http://") + request.getHeader("Host")
                + request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
        return address.length() <= MAX_ADDRESS_LENGTH ? address : null;
    }
}
