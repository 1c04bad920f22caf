package com.soundhub.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.soundhub.platform.database.DailyCounts;
import com.soundhub.platform.database.Like;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * What the back office does to members: find them, see their sessions, suspend and reinstate
 * them, make them admins. Every method that acts checks that the asker is an admin here, not only
 * in the page that offers it; a member who is not one gets "not found", as for any admin page.
 */
@ApplicationScoped
@Transactional
public class MemberAdministration {

    /** Dangerous actions need the admin's password once in this long. */
    public static final Duration PASSWORD_FRESH_FOR = Duration.ofMinutes(10);

    @Inject
    Event<MemberSuspended> suspended;

    @Inject
    Event<MemberReinstated> reinstated;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    SessionService sessions;

    @Inject
    PasswordHasher passwords;

    @Inject
    AccountDeletion deletion;

    private final Clock clock = Clock.systemUTC();

    /** A member as the back office lists them. */
    public record MemberRow(long id, String nickname, String email, Role role, MemberStatus status, String suspensionReason,
                            Instant joinedAt) {
    }

    /** One of a member's open sessions: a browser they are signed in with. */
    public record SessionRow(Instant signedInAt, Instant lastSeenAt, String userAgent, String clientAddress) {
    }

    /** What the member list is narrowed to. */
    public record MemberFilter(String query, Role role, MemberStatus status) {
    }

    /**
     * The asker, when they are an active admin.
     *
     * @throws NotFound for anyone else: admin pages do not exist for them
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Member requireAdmin(long memberId) {
        return members.findById(memberId).filter(member -> member.isAdmin() && member.isActive()).orElseThrow(NotFound::new);
    }

    /** Whether the member is an admin who is not suspended. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isAdmin(long memberId) {
        return members.findById(memberId).filter(member -> member.isAdmin() && member.isActive()).isPresent();
    }

    /** How the member list is ordered; each order pages by its own keyset cursor. */
    public enum MemberOrder {
        NEWEST("m.id < :after", "m.id DESC"),
        OLDEST("m.id > :after", "m.id"),
        NICKNAME("lower(m.nickname) > :after", "lower(m.nickname)");

        private final String afterCondition;
        private final String orderBy;

        MemberOrder(String afterCondition, String orderBy) {
            this.afterCondition = afterCondition;
            this.orderBy = orderBy;
        }

        /** Where the page after {@code row} starts. */
        public String cursorOf(MemberRow row) {
            return this == NICKNAME ? row.nickname().toLowerCase(java.util.Locale.ROOT) : String.valueOf(row.id());
        }

        private Object cursorValue(String cursor) {
            return this == NICKNAME ? cursor : Long.valueOf(cursor);
        }
    }

    /**
     * Members matching the filter in {@code order}, after {@code after} (a {@link MemberOrder#cursorOf}
     * cursor) when given: keyset pages, which neither repeat nor skip members joining meanwhile.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberRow> search(long adminId, MemberFilter filter, MemberOrder order, Optional<String> after, int limit) {
        requireAdmin(adminId);
        Optional<String> cursor = after.filter(value -> order == MemberOrder.NICKNAME ? value.length() <= 30 : value.matches("[0-9]{1,18}"));
        StringBuilder jpql = new StringBuilder("SELECT m FROM Member m WHERE ")
                .append(cursor.isPresent() ? order.afterCondition : "1 = 1");
        String query = filter.query() == null ? "" : filter.query().strip().toLowerCase(java.util.Locale.ROOT);
        if (!query.isEmpty()) {
            jpql.append(" AND (lower(m.email) LIKE :query OR lower(m.nickname) LIKE :query)");
        }
        if (filter.role() != null) {
            jpql.append(" AND m.role = :role");
        }
        if (filter.status() != null) {
            jpql.append(" AND m.status = :status");
        }
        var select = em.createQuery(jpql.append(" ORDER BY ").append(order.orderBy).toString(), Member.class).setMaxResults(limit);
        cursor.ifPresent(value -> select.setParameter("after", order.cursorValue(value)));
        if (!query.isEmpty()) {
            select.setParameter("query", Like.containing(query));
        }
        if (filter.role() != null) {
            select.setParameter("role", filter.role());
        }
        if (filter.status() != null) {
            select.setParameter("status", filter.status());
        }
        return select.getResultList().stream().map(MemberAdministration::row).toList();
    }

    /** One member for their back-office page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberRow member(long adminId, String nickname) {
        requireAdmin(adminId);
        return members.findByNickname(nickname).map(MemberAdministration::row).orElseThrow(NotFound::new);
    }

    /** The member's open sessions, most recently used first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionRow> sessions(long adminId, long memberId) {
        requireAdmin(adminId);
        return em.createQuery("SELECT s FROM MemberSession s WHERE s.member.id = :member AND s.expiresAt > :now "
                        + "ORDER BY s.lastSeenAt DESC", MemberSession.class)
                .setParameter("member", memberId).setParameter("now", clock.instant()).setMaxResults(50).getResultList()
                .stream().map(session -> new SessionRow(session.getCreatedAt(), session.getLastSeenAt(), session.getUserAgent(),
                        session.getClientAddress())).toList();
    }

    /**
     * Suspends the member: every session of theirs ends at once (each instance reads sessions from
     * the database on every request), signing in shows them {@code reason}, and their recordings
     * and comments are hidden until they are reinstated ({@link MemberSuspended}).
     */
    public MemberRow suspend(long adminId, long memberId, String reason) {
        requireAdmin(adminId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new RuleViolation("reason", "Say why: the member is shown the reason when they try to sign in.");
        }
        if (why.length() > 500) {
            throw new RuleViolation("reason", "A reason can be at most 500 characters long.");
        }
        if (adminId == memberId) {
            throw new RuleViolation(null, "You cannot suspend yourself.");
        }
        Member member = members.findByIdForUpdate(memberId).orElseThrow(NotFound::new);
        member.suspend(why);
        sessions.closeAll(memberId);
        suspended.fire(new MemberSuspended(memberId, why));
        return row(member);
    }

    /** Lifts a suspension. */
    public MemberRow reinstate(long adminId, long memberId) {
        requireAdmin(adminId);
        Member member = members.findByIdForUpdate(memberId).orElseThrow(NotFound::new);
        if (member.isActive()) {
            throw new RuleViolation(null, member.getNickname() + " is not suspended.");
        }
        member.suspend(null);
        reinstated.fire(new MemberReinstated(memberId));
        return row(member);
    }

    /**
     * Deletes the member's account: signed out everywhere at once, their email free to sign up
     * again, and what they made removed or kept, credited to a former member, as the admin chose.
     * Returns the nickname they had, for the audit log.
     */
    public String delete(long adminId, long memberId, boolean removeContent) {
        requireAdmin(adminId);
        if (adminId == memberId) {
            throw new RuleViolation(null, "You cannot delete your own account here; use your settings.");
        }
        return deletion.delete(memberId, removeContent);
    }

    /** Makes the member an admin, or an ordinary member again; an admin cannot demote themselves. */
    public MemberRow changeRole(long adminId, long memberId, Role role) {
        requireAdmin(adminId);
        if (adminId == memberId && role != Role.ADMIN) {
            throw new RuleViolation(null, "You cannot take your own admin role away; ask another admin.");
        }
        Member member = members.findByIdForUpdate(memberId).orElseThrow(NotFound::new);
        member.setRole(role);
        // The role is in every session's principal, read afresh on each request: nothing else to end.
        return row(member);
    }

    /**
     * Checks the admin's password and remembers, for the session holding {@code sessionToken}, that
     * it was given now.
     */
    public void confirmPassword(long adminId, String password, String sessionToken) {
        Member admin = requireAdmin(adminId);
        if (password == null || !passwords.matches(password, admin.getPasswordHash())) {
            throw new RuleViolation("password", "That is not your password.");
        }
        em.createQuery("UPDATE MemberSession s SET s.passwordConfirmedAt = :now WHERE s.tokenHash = :hash AND s.member.id = :member")
                .setParameter("now", clock.instant()).setParameter("hash", SessionService.hash(sessionToken))
                .setParameter("member", adminId).executeUpdate();
    }

    /** Whether the session holding {@code sessionToken} gave its password in the last ten minutes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean passwordIsFresh(String sessionToken) {
        if (sessionToken == null) {
            return false;
        }
        List<Instant> confirmed = em.createQuery("SELECT s.passwordConfirmedAt FROM MemberSession s WHERE s.tokenHash = :hash",
                Instant.class).setParameter("hash", SessionService.hash(sessionToken)).getResultList();
        return !confirmed.isEmpty() && confirmed.get(0) != null
                && confirmed.get(0).isAfter(clock.instant().minus(PASSWORD_FRESH_FOR));
    }

    /** Counts of members for the dashboard: all, admins, suspended. */
    public record MemberCounts(long all, long admins, long suspended) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberCounts counts(long adminId) {
        requireAdmin(adminId);
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), count(*) FILTER (WHERE role = 'ADMIN'), "
                + "count(*) FILTER (WHERE status = 'SUSPENDED') FROM members").getSingleResult();
        return new MemberCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    /** Sign-ups per day over the last {@code days} days, oldest first, days without any included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<LocalDate, Long> signUpsPerDay(long adminId, int days) {
        requireAdmin(adminId);
        return DailyCounts.of(em, "members", "created_at", days);
    }

    private static MemberRow row(Member member) {
        return new MemberRow(member.getId(), member.getNickname(), member.getEmail(), member.getRole(), member.getStatus(),
                member.getSuspensionReason(), member.getCreatedAt());
    }
}
