package com.soundhub.web.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.krazo.security.CsrfToken;
import org.eclipse.krazo.security.CsrfTokenStrategy;

/** Plugs {@link CsrfCookie} into Jakarta MVC's CSRF validation. */
public class SignedCookieCsrfTokenStrategy implements CsrfTokenStrategy {

    public static final String HEADER_NAME = "X-CSRF-Token";
    public static final String PARAM_NAME = "_csrf";

    @Override
    public Optional<CsrfToken> getToken(HttpServletRequest request, HttpServletResponse response, boolean create) {
        Optional<String> token = create
                ? Optional.of(CsrfCookie.ensure(request, response))
                : CsrfCookie.current(request);
        return token.map(value -> new CsrfToken(HEADER_NAME, PARAM_NAME, value));
    }
}
