package com.soundhub.web;

import java.io.IOException;
import java.util.Optional;

import com.soundhub.accounts.SessionCookie;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the pages visitors who are not signed in see for a few seconds
 * ({@code soundhub.page-cache.seconds}, 5 by default, 0 turns it off), as a micro-cache: a burst
 * of visitors on the front page or a shared track costs one rendering per few seconds instead of
 * one each, and when a kept page expires one request renders it again while the others are sent
 * the expired copy (marked {@code stale}). Only what is the same for every such visitor is kept:
 * full HTML pages, answered 200 to a GET without a session or flash cookie; those pages carry no
 * CSRF token and no member's data. Each instance keeps its own copies ({@link AnonymousPages}); nothing depends on them but
 * speed.
 */
public class AnonymousPageCache extends HttpFilter {

    static final String STATUS_HEADER = "X-Page-Cache";
    private static final int MAX_PAGE_BYTES = 256 * 1024;
    private static final int MAX_KEY_LENGTH = 512;

    @Inject
    AnonymousPages pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = pages.enabled() && isPage(request.getRequestURI()) && cacheable(request) ? key(request) : null;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        long now = System.nanoTime();
        Optional<ShortLivedCopies.Copy<AnonymousPages.Page>> kept = pages.find(key, now);
        if (kept.isPresent()) {
            AnonymousPages.Page page = kept.get().value();
            response.setHeader(STATUS_HEADER, kept.get().fresh(now) ? "hit" : "stale");
            response.setContentType(page.contentType());
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        long generation = pages.generation();
        CapturedResponse capture = new CapturedResponse(response);
        chain.doFilter(request, capture);
        byte[] body = capture.body();
        String contentType = capture.getContentType();
        if (capture.getStatus() == HttpServletResponse.SC_OK && !request.isAsyncStarted()
                && contentType != null && contentType.startsWith("text/html") && body.length <= MAX_PAGE_BYTES) {
            pages.keep(key, body, contentType, now, generation);
            response.setHeader(STATUS_HEADER, "miss");
        }
        if (!response.isCommitted()) {
            response.setContentLength(body.length);
        }
        response.getOutputStream().write(body);
    }

    /**
     * The pages everyone may browse: the feeds, recordings, profiles, search and the embeddable
     * player. Files under them (playlists, artwork) are served as they are: a playlist is counted
     * as a play each time.
     */
    static boolean isPage(String path) {
        boolean browsable = path.equals("/") || path.equals("/search")
                || path.startsWith("/recordings/") || path.startsWith("/members/") || path.startsWith("/genres/")
                || path.startsWith("/instruments/") || path.startsWith("/embed/");
        return browsable && path.indexOf('.', path.lastIndexOf('/')) < 0;
    }

    private static boolean cacheable(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(SessionCookie.NAME) || cookie.getName().equals(FlashCookieFilter.COOKIE_NAME)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The same page for the same host, path and query; requests that name another host are not mixed up. */
    static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        String key = request.getScheme() + "://" + request.getHeader("Host") + request.getRequestURI()
                + (query == null ? "" : "?" + query);
        return key.length() <= MAX_KEY_LENGTH ? key : null;
    }
}
