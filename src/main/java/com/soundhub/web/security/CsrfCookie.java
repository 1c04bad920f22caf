package com.soundhub.web.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import com.soundhub.platform.database.ServerSecrets;
import com.soundhub.web.Cookies;
import com.soundhub.web.Signer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The CSRF token: a random value signed with the server key, kept in an HttpOnly cookie and echoed
 * by every form ({@code _csrf}) and script request ({@code X-CSRF-Token}). Because the cookie, not
 * the HTTP session, holds it, a form rendered by one instance is accepted by any other.
 */
public final class CsrfCookie {

    public static final String COOKIE_NAME = "soundhub_csrf";
    private static final String REQUEST_ATTRIBUTE = CsrfCookie.class.getName();
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private static final SecureRandom random = new SecureRandom();
    private static volatile Signer signer;

    private CsrfCookie() {
    }

    /** The request's token, if its cookie carries a valid one. */
    public static Optional<String> current(HttpServletRequest request) {
        Object known = request.getAttribute(REQUEST_ATTRIBUTE);
        if (known != null) {
            return Optional.of(known.toString());
        }
        Optional<String> fromCookie = Cookies.read(request, COOKIE_NAME).filter(value -> signer().verify(value).isPresent());
        fromCookie.ifPresent(value -> request.setAttribute(REQUEST_ATTRIBUTE, value));
        return fromCookie;
    }

    /** The request's token, issuing a new cookie when it has none. */
    public static String ensure(HttpServletRequest request, HttpServletResponse response) {
        return current(request).orElseGet(() -> {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String token = signer().sign(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            Cookies.write(request, response, COOKIE_NAME, token, ONE_YEAR);
            request.setAttribute(REQUEST_ATTRIBUTE, token);
            return token;
        });
    }

    private static Signer signer() {
        Signer current = signer;
        if (current == null) {
            current = new Signer(CDI.current().select(ServerSecrets.class).get().signingKey(), "csrf");
            signer = current;
        }
        return current;
    }
}
