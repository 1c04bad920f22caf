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

import com.soundhub.platform.rules.NotFound;
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

    /** One of a member's own sessions, as their "where you are signed in" page lists it. */
    public record OwnSession(long id, Instant signedInAt, Instant lastSeenAt, String browser, String clientAddress, boolean current) {
    }

    /** The member's open sessions, most recently used first; {@code currentToken}'s is marked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OwnSession> sessionsOf(long memberId, String currentToken) {
        byte[] current = hash(currentToken == null ? "" : currentToken);
        return em.createQuery("SELECT s FROM MemberSession s WHERE s.member.id = :member AND s.expiresAt > :now "
                        + "ORDER BY s.lastSeenAt DESC, s.id DESC", MemberSession.class)
                .setParameter("member", memberId).setParameter("now", clock.instant()).setMaxResults(100)
                .getResultList().stream()
                .map(session -> new OwnSession(session.getId(), session.getCreatedAt(), session.getLastSeenAt(),
                        Browsers.describe(session.getUserAgent()), session.getClientAddress(),
                        MessageDigest.isEqual(session.getTokenHash(), current)))
                .toList();
    }

    /** Ends one of the member's own sessions; someone else's answers "not found". */
    public void closeOwn(long memberId, long sessionId) {
        int closed = em.createQuery("DELETE FROM MemberSession s WHERE s.id = :id AND s.member.id = :member")
                .setParameter("id", sessionId).setParameter("member", memberId).executeUpdate();
        if (closed == 0) {
            throw new NotFound();
        }
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
