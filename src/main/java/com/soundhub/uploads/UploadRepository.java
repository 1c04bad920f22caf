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
