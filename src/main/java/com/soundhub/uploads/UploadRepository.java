package com.soundhub.uploads;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class UploadRepository {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    public Optional<Upload> find(UUID id) {
        return Optional.ofNullable(em.find(Upload.class, id));
    }

    /** The upload, locked until the transaction ends, for changing its state. */
    public Optional<Upload> lock(UUID id) {
        return Optional.ofNullable(em.find(Upload.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(Upload upload) {
        em.persist(upload);
    }

    public void record(UploadTransition transition) {
        em.persist(transition);
    }

    public List<UploadTransition> history(UUID id) {
        return em.createQuery("SELECT t FROM UploadTransition t WHERE t.upload.id = :id ORDER BY t.at, t.id",
                        UploadTransition.class)
                .setParameter("id", id)
                .getResultList();
    }

    /** The member's uploads, newest first, with their recordings. */
    public List<Upload> ownedBy(long ownerId, int limit) {
        return em.createQuery("SELECT u FROM Upload u JOIN FETCH u.recording WHERE u.ownerId = :owner "
                        + "ORDER BY u.createdAt DESC", Upload.class)
                .setParameter("owner", ownerId)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<UUID> awaitingSince(Instant expiredBefore, int limit) {
        return em.createQuery("SELECT u.id FROM Upload u WHERE u.state = :state AND u.expiresAt < :now", UUID.class)
                .setParameter("state", UploadState.AWAITING_UPLOAD)
                .setParameter("now", expiredBefore)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Serialises the member's slot requests until the transaction ends, so that limits counted by
     * {@link #usageOf} hold for requests arriving at the same instant, on any instance.
     */
    public void lockLimitsOf(long ownerId) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended('soundhub upload limits', ?1))) l")
                .setParameter(1, ownerId)
                .getSingleResult();
    }

    /** What the member has waiting, sent since {@code since} and kept. */
    public UploadLimits.Usage usageOf(long ownerId, Instant since) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE state = 'AWAITING_UPLOAD' AND expires_at > now()), "
                        + "coalesce(sum(declared_size) FILTER (WHERE created_at > ?2 AND state <> 'EXPIRED'), 0), "
                        + "coalesce(sum(declared_size) FILTER (WHERE state NOT IN ('REJECTED', 'EXPIRED')), 0) "
                        + "FROM uploads WHERE owner_id = ?1")
                .setParameter(1, ownerId)
                .setParameter(2, since)
                .getSingleResult();
        return new UploadLimits.Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    /** Uploads past their slot's end whose incoming object may still be there. */
    public List<UUID> incomingLeftBefore(Instant expiredBefore, int limit) {
        return em.createQuery("SELECT u.id FROM Upload u WHERE u.incomingKey IS NOT NULL AND u.expiresAt < :now "
                        + "AND u.state <> :awaiting", UUID.class)
                .setParameter("now", expiredBefore)
                .setParameter("awaiting", UploadState.AWAITING_UPLOAD)
                .setMaxResults(limit)
                .getResultList();
    }

    public void saveProgress(UUID id, int percent) {
        em.createQuery("UPDATE Upload u SET u.progressPercent = :percent WHERE u.id = :id AND u.state = :state")
                .setParameter("percent", (short) percent)
                .setParameter("id", id)
                .setParameter("state", UploadState.TRANSCODING)
                .executeUpdate();
    }

    /** How many uploads are in each state, for the back office and metrics. */
    public List<Object[]> countByState() {
        return em.createQuery("SELECT u.state, count(u) FROM Upload u GROUP BY u.state", Object[].class).getResultList();
    }
}
