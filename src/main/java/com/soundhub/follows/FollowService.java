package com.soundhub.follows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.Member;
import com.soundhub.accounts.MemberDeleted;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.limits.LimitedAction;
import com.soundhub.limits.RateLimiter;
import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.paging.Slice;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/** Who follows whom. Following is rate-limited, so it cannot be used to spam notifications. */
@ApplicationScoped
@Transactional
public class FollowService {

    /** A follower or followed member in a list, with when the follow began (for its cursor). */
    public record Connection(long memberId, String nickname, long sinceMicros) {
        public String getNickname() {
            return nickname;
        }

        Cursor cursor() {
            return new Cursor(sinceMicros, memberId);
        }
    }

    /** How many follow a member and how many they follow. */
    public record Counts(long followers, long following) {
        public long getFollowers() {
            return followers;
        }

        public long getFollowing() {
            return following;
        }
    }

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    RateLimiter limits;

    @Inject
    Event<MemberFollowed> followed;

    public void follow(long followerId, String nickname) {
        Member followee = target(nickname);
        if (followee.getId() == followerId) {
            throw new RuleViolation("_form", "You cannot follow yourself.");
        }
        limits.consume(followerId, LimitedAction.FOLLOW);
        int added = em.createNativeQuery("INSERT INTO follows (follower_id, followee_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, followerId).setParameter(2, followee.getId()).executeUpdate();
        if (added > 0) {
            followed.fire(new MemberFollowed(followerId, followee.getId()));
        }
    }

    public void unfollow(long followerId, String nickname) {
        Member followee = target(nickname);
        limits.consume(followerId, LimitedAction.FOLLOW);
        em.createNativeQuery("DELETE FROM follows WHERE follower_id = ?1 AND followee_id = ?2")
                .setParameter(1, followerId).setParameter(2, followee.getId()).executeUpdate();
    }

    /** A deleted member follows nobody and is followed by nobody. */
    void onMemberDeleted(@Observes MemberDeleted deletion) {
        em.createNativeQuery("DELETE FROM follows WHERE follower_id = ?1 OR followee_id = ?1")
                .setParameter(1, deletion.memberId()).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isFollowing(Optional<Long> followerId, long followeeId) {
        return followerId.isPresent() && !em.createNativeQuery(
                        "SELECT 1 FROM follows WHERE follower_id = ?1 AND followee_id = ?2")
                .setParameter(1, followerId.get()).setParameter(2, followeeId).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Counts counts(long memberId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT (SELECT count(*) FROM follows WHERE followee_id = ?1), "
                        + "(SELECT count(*) FROM follows WHERE follower_id = ?1)")
                .setParameter(1, memberId).getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Who follows the member, newest follower first. */
    public Slice<Connection> followers(long memberId, Optional<Cursor> after, int size) {
        return connections("follower_id", "followee_id", memberId, after, size);
    }

    /** Whom the member follows, most recently followed first. */
    public Slice<Connection> following(long memberId, Optional<Cursor> after, int size) {
        return connections("followee_id", "follower_id", memberId, after, size);
    }

    private Slice<Connection> connections(String listed, String subject, long memberId, Optional<Cursor> after, int size) {
        Query query = em.createNativeQuery("SELECT f." + listed + ", (extract(epoch FROM f.created_at) * 1000000)::bigint "
                        + "FROM follows f WHERE f." + subject + " = :member"
                        + (after.isPresent() ? " AND (f.created_at, f." + listed + ") < (:afterAt, :afterId)" : "")
                        + " ORDER BY f.created_at DESC, f." + listed + " DESC")
                .setParameter("member", memberId)
                .setMaxResults(size + 1);
        after.ifPresent(cursor -> query.setParameter("afterAt", cursor.instant()).setParameter("afterId", cursor.id()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Slice<Connection> page = Slice.of(rows.stream()
                .map(row -> new Connection(((Number) row[0]).longValue(), null, ((Number) row[1]).longValue()))
                .toList(), size, Connection::cursor);
        // Names come from accounts; suspended members are left out of the list.
        Map<Long, String> nicknames = accounts.activeNicknames(page.items().stream().map(Connection::memberId).toList());
        return new Slice<>(page.items().stream()
                .filter(connection -> nicknames.containsKey(connection.memberId()))
                .map(connection -> new Connection(connection.memberId(), nicknames.get(connection.memberId()),
                        connection.sinceMicros()))
                .toList(), page.next());
    }

    private Member target(String nickname) {
        return accounts.profile(nickname).orElseThrow(NotFound::new);
    }
}
