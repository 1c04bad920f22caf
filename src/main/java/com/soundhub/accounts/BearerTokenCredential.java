package com.soundhub.accounts;

import java.util.Optional;

import jakarta.security.enterprise.credential.Credential;

/**
 * A personal access token from an {@code Authorization: Bearer ...} header of a request to the
 * JSON API, for the identity store of the {@code tokens} feature to validate.
 */
public record BearerTokenCredential(String token) implements Credential {

    /** Longer than any token SoundHub issues; such a header is not worth a database lookup. */
    static final int MAX_LENGTH = 200;

    private static final String SCHEME = "Bearer";

    /**
     * The token of an {@code Authorization} header that uses the Bearer scheme (its name in any
     * case), or empty when the header is missing or uses another scheme. A Bearer header with
     * nothing after the scheme gives an empty string, which no token matches.
     */
    public static Optional<String> fromHeader(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            return Optional.empty();
        }
        return Optional.of(space < 0 ? "" : value.substring(space + 1).strip());
    }

    @Override
    public boolean isValid() {
        return token != null && !token.isEmpty() && token.length() <= MAX_LENGTH;
    }

    @Override
    public String toString() {
        return "BearerTokenCredential[...]";
    }
}
