package com.soundhub.accounts;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How the member of a request to the JSON API was authenticated: by a personal access token of
 * some scope (set by {@link SessionAuthenticationMechanism}), or else by the session cookie.
 */
public final class ApiAccess {

    /** The JSON API that personal access tokens open. */
    public static final String API_PREFIX = "/api/v1/";

    private static final String SCOPE = ApiAccess.class.getName() + ".tokenScope";

    private ApiAccess() {
    }

    static void authenticatedByToken(HttpServletRequest request, TokenScope scope) {
        request.setAttribute(SCOPE, scope);
    }

    /** The scope of the token this request was authenticated by; empty for a session (or nobody). */
    public static Optional<TokenScope> tokenScope(HttpServletRequest request) {
        return request.getAttribute(SCOPE) instanceof TokenScope scope ? Optional.of(scope) : Optional.empty();
    }

    /** Whether the request is for the JSON API that tokens open. */
    public static boolean isTokenApi(String path) {
        return path.startsWith(API_PREFIX);
    }
}
