package com.soundhub.limits;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.Config;
import jakarta.inject.Inject;

/**
 * Counts actions per member in fixed windows stored in PostgreSQL, so every instance sees the same
 * count. A refused action throws, which rolls the caller's transaction back: it does not count.
 */
@ApplicationScoped
public class RateLimiter {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    Config config;

    private final Map<LimitedAction, Integer> limits = new EnumMap<>(LimitedAction.class);

    @PostConstruct
    void readLimits() {
        for (LimitedAction action : LimitedAction.values()) {
            limits.put(action, config.getOptionalValue(action.configKey(), Integer.class).orElse(action.defaultLimit()));
        }
    }

    /** Records one {@code action} by the member, or throws {@link RateLimitExceeded} if it is one too many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(long memberId, LimitedAction action) {
        long windowSeconds = action.window().toSeconds();
        Number hits = (Number) em.createNativeQuery("""
                        INSERT INTO rate_limit_windows (member_id, action, window_start, hits)
                        VALUES (?1, ?2, to_timestamp(floor(extract(epoch FROM now()) / ?3) * ?3), 1)
                        ON CONFLICT (member_id, action, window_start)
                        DO UPDATE SET hits = rate_limit_windows.hits + 1
                        RETURNING hits""")
                .setParameter(1, memberId)
                .setParameter(2, action.name())
                .setParameter(3, windowSeconds)
                .getSingleResult();
        if (hits.intValue() > limits.get(action)) {
            throw new RateLimitExceeded(action);
        }
    }

    /** Forgets windows that ended long ago. */
    @Transactional
    public int forgetOldWindows() {
        return em.createNativeQuery("DELETE FROM rate_limit_windows WHERE window_start < now() - interval '1 day'")
                .executeUpdate();
    }
}
