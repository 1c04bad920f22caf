package com.soundhub.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.soundhub.platform.database.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed sign-ins per account and per client address in PostgreSQL, so the limit holds
 * across all instances and restarts. Rows are locked while updated, so concurrent attempts count.
 */
@ApplicationScoped
@Transactional
public class SignInThrottle {

    enum Subject { ACCOUNT, ADDRESS }

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "soundhub.sign-in.max-failures-per-account", defaultValue = "5")
    int maxFailuresPerAccount;

    @Inject
    @ConfigProperty(name = "soundhub.sign-in.max-failures-per-address", defaultValue = "30")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "soundhub.sign-in.lock-minutes", defaultValue = "15")
    int lockMinutes;

    private ThrottlePolicy policy(Subject subject) {
        Duration minutes = Duration.ofMinutes(lockMinutes);
        return new ThrottlePolicy(subject == Subject.ACCOUNT ? maxFailuresPerAccount : maxFailuresPerAddress, minutes, minutes);
    }

    /** Until when sign-ins for this account or from this address are refused, if they are. */
    public Optional<Instant> lockedUntil(String email, String address, Instant now) {
        return Stream.of(
                        policy(Subject.ACCOUNT).lockedUntil(read(Subject.ACCOUNT, key(email), now), now),
                        policy(Subject.ADDRESS).lockedUntil(read(Subject.ADDRESS, address, now), now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** Counts a failure for both subjects; returns the lock it caused, if any. */
    public Optional<Instant> recordFailure(String email, String address, Instant now) {
        Optional<Instant> accountLock = fail(Subject.ACCOUNT, key(email), now);
        Optional<Instant> addressLock = fail(Subject.ADDRESS, address, now);
        return Stream.of(accountLock, addressLock).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    /** A successful sign-in clears the account's count (not the address's). */
    public void recordSuccess(String email) {
        em.createNativeQuery("DELETE FROM sign_in_throttle WHERE subject_kind = 'ACCOUNT' AND subject = ?1")
                .setParameter(1, key(email))
                .executeUpdate();
    }

    private Optional<Instant> fail(Subject subject, String value, Instant now) {
        em.createNativeQuery("INSERT INTO sign_in_throttle (subject_kind, subject, failures, window_started_at) "
                        + "VALUES (?1, ?2, 0, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, subject.name()).setParameter(2, value).setParameter(3, utc(now))
                .executeUpdate();
        ThrottlePolicy policy = policy(subject);
        ThrottlePolicy.State next = policy.afterFailure(readForUpdate(subject, value, now), now);
        em.createNativeQuery("UPDATE sign_in_throttle SET failures = ?1, window_started_at = ?2, locked_until = ?3 "
                        + "WHERE subject_kind = ?4 AND subject = ?5")
                .setParameter(1, next.failures())
                .setParameter(2, utc(next.windowStartedAt()))
                .setParameter(3, next.lockedUntil() == null ? null : utc(next.lockedUntil()))
                .setParameter(4, subject.name()).setParameter(5, value)
                .executeUpdate();
        return Optional.ofNullable(next.lockedUntil());
    }

    private ThrottlePolicy.State read(Subject subject, String value, Instant now) {
        return state("SELECT failures, window_started_at, locked_until FROM sign_in_throttle "
                + "WHERE subject_kind = ?1 AND subject = ?2", subject, value, now);
    }

    private ThrottlePolicy.State readForUpdate(Subject subject, String value, Instant now) {
        return state("SELECT failures, window_started_at, locked_until FROM sign_in_throttle "
                + "WHERE subject_kind = ?1 AND subject = ?2 FOR UPDATE", subject, value, now);
    }

    private ThrottlePolicy.State state(String sql, Subject subject, String value, Instant now) {
        @SuppressWarnings("unchecked")
        Optional<Object[]> row = em.createNativeQuery(sql)
                .setParameter(1, subject.name()).setParameter(2, value)
                .getResultStream().findFirst();
        return row.map(columns -> new ThrottlePolicy.State(
                        ((Number) columns[0]).intValue(), SqlTimes.instant(columns[1]), SqlTimes.instant(columns[2])))
                .orElseGet(() -> ThrottlePolicy.State.none(now));
    }

    private static String key(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
