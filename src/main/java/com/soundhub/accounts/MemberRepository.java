package com.soundhub.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Members by id, email and nickname; email and nickname compare without regard to case. */
@ApplicationScoped
public class MemberRepository {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    public Optional<Member> findById(long id) {
        return Optional.ofNullable(em.find(Member.class, id));
    }

    /** The member, its row locked until the transaction ends. */
    public Optional<Member> findByIdForUpdate(long id) {
        return Optional.ofNullable(em.find(Member.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Member> findByEmail(String email) {
        return em.createQuery("SELECT m FROM Member m WHERE lower(m.email) = lower(:email)", Member.class)
                .setParameter("email", email)
                .getResultStream().findFirst();
    }

    public Optional<Member> findByNickname(String nickname) {
        return em.createQuery("SELECT m FROM Member m WHERE lower(m.nickname) = lower(:nickname)", Member.class)
                .setParameter("nickname", nickname)
                .getResultStream().findFirst();
    }

    /** The member with favourite genres and instruments loaded, for pages that show them. */
    public Optional<Member> findProfileByNickname(String nickname) {
        // The id first: Hibernate translates a query with a function of a parameter again on every
        // execution, which cost more than the query itself on a busy profile page.
        List<?> ids = em.createNativeQuery("SELECT id FROM members WHERE lower(nickname) = lower(?1)")
                .setParameter(1, nickname)
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        // Both sets hold a few items. A list, not a stream: the sets are complete only once every row is read.
        return em.createQuery("SELECT m FROM Member m LEFT JOIN FETCH m.favouriteGenres LEFT JOIN FETCH m.favouriteInstruments "
                        + "WHERE m.id = :id", Member.class)
                .setParameter("id", ((Number) ids.get(0)).longValue())
                .getResultList().stream().findFirst();
    }

    public boolean emailTaken(String email) {
        return findByEmail(email).isPresent();
    }

    public boolean nicknameTaken(String nickname, long exceptMemberId) {
        return findByNickname(nickname).filter(m -> m.getId() != exceptMemberId).isPresent();
    }

    /** The nickname of another member whose nickname looks like one with this skeleton. */
    public Optional<String> nicknameLookingLike(String skeleton, long exceptMemberId) {
        return em.createQuery("SELECT m.nickname FROM Member m WHERE m.nicknameSkeleton = :skeleton AND m.id <> :except",
                        String.class)
                .setParameter("skeleton", skeleton)
                .setParameter("except", exceptMemberId)
                .getResultStream().findFirst();
    }

    /** Members who signed up before skeletons were kept, after {@code afterId}, in id order. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Object[]> withoutSkeleton(long afterId, int limit) {
        return em.createQuery("SELECT m.id, m.nickname FROM Member m WHERE m.nicknameSkeleton IS NULL AND m.id > :after "
                        + "ORDER BY m.id", Object[].class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Records a skeleton computed for an existing member, unless another member already has it
     * (then two look-alikes signed up before the rule, and the later one keeps none).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean keepSkeleton(long memberId, String skeleton) {
        return em.createNativeQuery("UPDATE members SET nickname_skeleton = ?1 WHERE id = ?2 AND nickname_skeleton IS NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM members other WHERE other.nickname_skeleton = ?1)")
                .setParameter(1, skeleton)
                .setParameter(2, memberId)
                .executeUpdate() == 1;
    }

    @Transactional
    public void add(Member member) {
        em.persist(member);
        em.flush();
    }

    /** Stores a new hash; {@code changed} records it as a password change rather than an upgrade. */
    @Transactional
    public void replacePasswordHash(long memberId, String newHash, boolean changed) {
        Member member = em.find(Member.class, memberId);
        if (changed) {
            member.changePassword(newHash, Instant.now());
        } else {
            member.rehashPassword(newHash);
        }
    }

    @Transactional
    public void changeRole(long memberId, Role role) {
        em.find(Member.class, memberId).setRole(role);
    }

    /** Nicknames of active members similar to {@code words} or starting with {@code likePrefix}, closest first. */
    @SuppressWarnings("unchecked")
    public List<String> nicknamesLike(String words, String likePrefix, int limit) {
        return em.createNativeQuery("SELECT m.nickname FROM members m WHERE m.status = 'ACTIVE' "
                        + "AND (lower(m.nickname) % :words OR lower(m.nickname) LIKE :prefix) "
                        + "ORDER BY similarity(lower(m.nickname), :words) DESC, m.nickname")
                .setParameter("words", words)
                .setParameter("prefix", likePrefix)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The nicknames of those of {@code ids} who are active members. */
    public Map<Long, String> activeNicknames(Collection<Long> ids) {
        Map<Long, String> nicknames = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT m.id, m.nickname FROM Member m WHERE m.id IN :ids AND m.status = :active", Object[].class)
                    .setParameter("ids", ids)
                    .setParameter("active", MemberStatus.ACTIVE)
                    .getResultList()
                    .forEach(row -> nicknames.put((Long) row[0], (String) row[1]));
        }
        return nicknames;
    }

    /** The member as a caller principal, if they are active. */
    public Optional<MemberPrincipal> activePrincipal(long id) {
        return em.createQuery("SELECT m.id, m.nickname, m.role FROM Member m WHERE m.id = :id AND m.status = :active",
                        Object[].class)
                .setParameter("id", id)
                .setParameter("active", MemberStatus.ACTIVE)
                .getResultStream().findFirst()
                .map(row -> new MemberPrincipal((Long) row[0], (String) row[1], (Role) row[2]));
    }

    public long count() {
        return em.createQuery("SELECT count(m) FROM Member m", Long.class).getSingleResult();
    }

    /** Writes pending changes now, so that a unique-index violation surfaces inside the service. */
    void flush() {
        em.flush();
    }
}
