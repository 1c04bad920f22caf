package com.soundhub.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
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

    /** The member a token belongs to, if the session is live and the member active. */
    public Optional<MemberPrincipal> resolve(String token) {
        Instant now = clock.instant();
        return em.createQuery("SELECT s FROM MemberSession s JOIN FETCH s.member WHERE s.tokenHash = :hash",
                        MemberSession.class)
                .setParameter("hash", hash(token))
                .getResultStream().findFirst()
                .filter(session -> !session.isExpired(now) && session.getMember().isActive())
                .map(session -> {
                    if (session.getLastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
                        session.seen(now, REMEMBERED);
                    }
                    Member member = session.getMember();
                    return new MemberPrincipal(member.getId(), member.getNickname(), member.getRole());
                });
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
