package com.soundhub.accounts;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Writes down that a session was used, in a transaction of its own, for {@link SessionService#resolve}. */
@ApplicationScoped
@Transactional
public class SessionActivity {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /** Records activity; a remembered session's expiry slides forward with use. */
    public void seen(byte[] tokenHash, boolean remembered, Instant now, Duration rememberedLifetime) {
        var update = em.createQuery(remembered
                        ? "UPDATE MemberSession s SET s.lastSeenAt = :now, s.expiresAt = :expires WHERE s.tokenHash = :hash"
                        : "UPDATE MemberSession s SET s.lastSeenAt = :now WHERE s.tokenHash = :hash")
                .setParameter("now", now)
                .setParameter("hash", tokenHash);
        if (remembered) {
            update.setParameter("expires", now.plus(rememberedLifetime));
        }
        update.executeUpdate();
    }
}
