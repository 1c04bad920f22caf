package com.soundhub.tokens;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes down that a token was used, in a transaction of its own, for {@link TokenService#authenticate}. */
@ApplicationScoped
@Transactional
public class TokenActivity {

    @Inject
    AccessTokenRepository tokens;

    public void used(long tokenId, Instant now) {
        tokens.recordUse(tokenId, now);
    }
}
