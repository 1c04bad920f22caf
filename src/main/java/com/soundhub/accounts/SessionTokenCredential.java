package com.soundhub.accounts;

import jakarta.security.enterprise.credential.Credential;

/** A session token from the session cookie, for {@link SessionIdentityStore} to validate. */
public record SessionTokenCredential(String token) implements Credential {
}
