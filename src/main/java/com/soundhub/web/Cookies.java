package com.soundhub.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reading and writing SoundHub's cookies: HttpOnly unless scripts must see them (only markers that
 * say something waits for the page's script, never a secret), SameSite=Lax, Secure over HTTPS.
 */
public final class Cookies {

    /** The member's session token, read and written by the accounts feature. */
    public static final String SESSION = "soundhub_session";
    /**
     * Says to scripts that someone is signed in, so that a public page asks for its viewer part
     * (and shows members' controls at once); it holds nothing else. Set and cleared with the session.
     */
    public static final String MEMBER_MARKER = "soundhub_member";

    private Cookies() {
    }

    public static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * @param maxAgeSeconds -1 for a cookie that ends with the browser session, 0 to delete
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, String name, String value,
                             int maxAgeSeconds) {
        write(request, response, name, value, maxAgeSeconds, true);
    }

    /** A cookie the page's scripts may read: a marker, never a secret. */
    public static void writeForScripts(HttpServletRequest request, HttpServletResponse response, String name, String value,
                                       int maxAgeSeconds) {
        write(request, response, name, value, maxAgeSeconds, false);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String name, String value,
                              int maxAgeSeconds, boolean httpOnly) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(httpOnly);
        cookie.setSecure(ClientInfo.isSecure(request));
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    public static void delete(HttpServletRequest request, HttpServletResponse response, String name) {
        write(request, response, name, "", 0);
    }
}
