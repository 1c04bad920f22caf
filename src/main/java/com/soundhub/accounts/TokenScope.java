package com.soundhub.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a personal access token may do on the JSON API. A token's member is in the group
 * {@code user} as with a session, and also in the group of the token's scope, by which
 * {@link SessionAuthenticationMechanism} knows which scope the request has.
 */
public enum TokenScope {
    /** Only reading: GET, HEAD and OPTIONS. */
    READ("token-read"),
    /** Reading and writing. */
    WRITE("token-write");

    private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String group;

    TokenScope(String group) {
        this.group = group;
    }

    /** The Jakarta Security group that marks a request authenticated by a token of this scope. */
    public String group() {
        return group;
    }

    /** How the API and the pages name it: {@code read} or {@code write}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a request with this HTTP method is allowed with this scope; anything not a read needs WRITE. */
    public boolean permits(String method) {
        return this == WRITE || READING_METHODS.contains(method);
    }

    /** The scope named by one of {@code groups}, the narrowest if there were several. */
    public static Optional<TokenScope> ofGroups(Set<String> groups) {
        if (groups.contains(READ.group)) {
            return Optional.of(READ);
        }
        return groups.contains(WRITE.group) ? Optional.of(WRITE) : Optional.empty();
    }

    /** The scope a form or the API names ({@code read} or {@code write}), if it is one. */
    public static Optional<TokenScope> ofLabel(String label) {
        for (TokenScope scope : values()) {
            if (scope.label().equals(label)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
