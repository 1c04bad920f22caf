package com.soundhub.recordings;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class RecordingRepository {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    public Optional<Recording> findById(long id) {
        return Optional.ofNullable(em.find(Recording.class, id));
    }

    /** With owner, genre, instruments and tags loaded, for the recording page. */
    public Optional<Recording> findByPublicId(String publicId) {
        if (!PublicIds.looksValid(publicId)) {
            return Optional.empty();
        }
        // One query for the page: both collections are sets of a few items, so their product is small.
        return em.createQuery("SELECT r FROM Recording r JOIN FETCH r.owner LEFT JOIN FETCH r.genre "
                        + "LEFT JOIN FETCH r.instruments LEFT JOIN FETCH r.tags "
                        + "WHERE r.publicId = :publicId", Recording.class)
                .setParameter("publicId", publicId)
                // A list, not a stream: the collections are complete only once every row is read.
                .getResultList().stream().findFirst();
    }

    public List<Recording> ownedBy(long ownerId, int limit) {
        return em.createQuery("SELECT r FROM Recording r LEFT JOIN FETCH r.genre WHERE r.owner.id = :owner "
                        + "ORDER BY r.createdAt DESC, r.id DESC", Recording.class)
                .setParameter("owner", ownerId)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<Recording> publicBy(long ownerId, int limit) {
        return em.createQuery("SELECT r FROM Recording r WHERE r.owner.id = :owner AND r.status = :ready "
                        + "AND r.visibility = :public ORDER BY r.publishedAt DESC, r.id DESC", Recording.class)
                .setParameter("owner", ownerId)
                .setParameter("ready", RecordingStatus.READY)
                .setParameter("public", Visibility.PUBLIC)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The newest playable public recordings, with their owners. */
    public List<Recording> latestPublic(int limit) {
        return em.createQuery("SELECT r FROM Recording r JOIN FETCH r.owner WHERE r.status = :ready "
                        + "AND r.visibility = :public ORDER BY r.publishedAt DESC, r.id DESC", Recording.class)
                .setParameter("ready", RecordingStatus.READY)
                .setParameter("public", Visibility.PUBLIC)
                .setMaxResults(limit)
                .getResultList();
    }

    public void add(Recording recording) {
        em.persist(recording);
    }

    public void remove(Recording recording) {
        em.remove(recording);
    }
}
