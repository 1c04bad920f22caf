package com.soundhub.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Database-backed sessions. A token is 256 random bits; its SHA-256 is the key, so a copy of the
 * table does not let anyone sign in. Sessions end when they expire, when the member signs out,
 * changes password (other sessions) or is suspended.
 */
@ApplicationScoped
@Transactional
public class SessionService {

    /** A remembered session lasts this long after its last use. */
    public static final Duration REMEMBERED = Duration.ofDays(30);
    /** A browser-session sign-in is valid at most this long, even if the browser stays open. */
    public static final Duration UNREMEMBERED = Duration.ofHours(12);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

    private static final SecureRandom random = new SecureRandom();

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    SessionActivity activity;

    private final Clock clock = Clock.systemUTC();

    /** A new session's token, and how long its cookie should be kept (-1: until the browser closes). */
    public record Issued(String token, int cookieMaxAgeSeconds) {
    }

    public Issued open(Member member, boolean remember, String userAgent, String clientAddress) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Duration lifetime = remember ? REMEMBERED : UNREMEMBERED;
        em.persist(new MemberSession(hash(token), member, remember, clock.instant(), lifetime, userAgent, clientAddress));
        return new Issued(token, remember ? (int) REMEMBERED.toSeconds() : -1);
    }

    /**
     * The member a token belongs to, if the session is live and the member active. Every request of
     * a signed-in member asks, so it reads a few columns without a transaction; only every few
     * minutes of use does it write down that the session was seen (and slide a remembered one on).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MemberPrincipal> resolve(String token) {
        Instant now = clock.instant();
        byte[] tokenHash = hash(token);
        List<Object[]> rows = em.createQuery("SELECT s.expiresAt, s.lastSeenAt, s.remember, m.id, m.nickname, m.role, m.status "
                        + "FROM MemberSession s JOIN s.member m WHERE s.tokenHash = :hash", Object[].class)
                .setParameter("hash", tokenHash)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Instant expiresAt = (Instant) row[0];
        if (!expiresAt.isAfter(now) || row[6] != MemberStatus.ACTIVE) {
            return Optional.empty();
        }
        if (((Instant) row[1]).plus(TOUCH_EVERY).isBefore(now)) {
            activity.seen(tokenHash, (Boolean) row[2], now, REMEMBERED);
        }
        return Optional.of(new MemberPrincipal((Long) row[3], (String) row[4], (Role) row[5]));
    }

    public void close(String token) {
        em.createQuery("DELETE FROM MemberSession s WHERE s.tokenHash = :hash")
                .setParameter("hash", hash(token))
                .executeUpdate();
    }

    /** Ends every session of the member but the one holding {@code keepToken}. */
    public int closeOthers(long memberId, String keepToken) {
        return em.createQuery("DELETE FROM MemberSession s WHERE s.member.id = :member AND s.tokenHash <> :keep")
                .setParameter("member", memberId)
                .setParameter("keep", hash(keepToken == null ? "" : keepToken))
                .executeUpdate();
    }

    public int closeAll(long memberId) {
        return em.createQuery("DELETE FROM MemberSession s WHERE s.member.id = :member")
                .setParameter("member", memberId)
                .executeUpdate();
    }

    public int deleteExpired() {
        return em.createQuery("DELETE FROM MemberSession s WHERE s.expiresAt <= :now")
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
