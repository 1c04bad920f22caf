package com.soundhub.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Members' access tokens in {@code access_tokens}. */
@ApplicationScoped
public class AccessTokenRepository {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    public void add(AccessToken token) {
        em.persist(token);
    }

    /** The token with this hash, whoever's it is. */
    public Optional<AccessToken> byHash(byte[] tokenHash) {
        return em.createQuery("SELECT t FROM AccessToken t WHERE t.tokenHash = :hash", AccessToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    /** The member's tokens, newest first. */
    public List<AccessToken> of(long memberId) {
        return em.createQuery("SELECT t FROM AccessToken t WHERE t.memberId = :member ORDER BY t.createdAt DESC, t.id DESC",
                        AccessToken.class)
                .setParameter("member", memberId)
                .getResultList();
    }

    public Optional<AccessToken> ofMember(long memberId, long tokenId) {
        return em.createQuery("SELECT t FROM AccessToken t WHERE t.id = :id AND t.memberId = :member", AccessToken.class)
                .setParameter("id", tokenId)
                .setParameter("member", memberId)
                .getResultStream().findFirst();
    }

    /** Tokens of the member that have not expired at {@code now}. */
    public long countLive(long memberId, Instant now) {
        return em.createQuery("SELECT count(t) FROM AccessToken t WHERE t.memberId = :member "
                        + "AND (t.expiresAt IS NULL OR t.expiresAt > :now)", Long.class)
                .setParameter("member", memberId)
                .setParameter("now", now)
                .getSingleResult();
    }

    /**
     * Serialises the creation of the member's tokens until the transaction ends, so that two
     * requests at the same instant, on any instance, cannot both pass the limit.
     */
    public void lockTokensOf(long memberId) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended('soundhub access tokens', ?1))) l")
                .setParameter(1, memberId)
                .getSingleResult();
    }

    public void removeAllOf(long memberId) {
        em.createQuery("DELETE FROM AccessToken t WHERE t.memberId = :member").setParameter("member", memberId).executeUpdate();
    }

    public void remove(AccessToken token) {
        em.remove(token);
    }

    /**
     * Writes down a use at {@code now} unless one at most a minute older is already written (by
     * another request or instance): at most one write a minute, however many requests.
     */
    public void recordUse(long tokenId, Instant now) {
        em.createQuery("UPDATE AccessToken t SET t.lastUsedAt = :now WHERE t.id = :id "
                        + "AND (t.lastUsedAt IS NULL OR t.lastUsedAt <= :before)")
                .setParameter("now", now)
                .setParameter("id", tokenId)
                .setParameter("before", now.minus(TokenRules.RECORD_USE_EVERY))
                .executeUpdate();
    }
}
