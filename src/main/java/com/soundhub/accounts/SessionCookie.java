package com.soundhub.accounts;

import java.util.Optional;

import com.soundhub.web.Cookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The cookie that carries a member's session token. */
public final class SessionCookie {

    public static final String NAME = Cookies.SESSION;

    private SessionCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        return Cookies.read(request, NAME).filter(token -> token.length() <= 100);
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, SessionService.Issued session) {
        Cookies.write(request, response, NAME, session.token(), session.cookieMaxAgeSeconds());
        Cookies.writeForScripts(request, response, Cookies.MEMBER_MARKER, "1", session.cookieMaxAgeSeconds());
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        Cookies.delete(request, response, NAME);
        Cookies.delete(request, response, Cookies.MEMBER_MARKER);
    }
}
