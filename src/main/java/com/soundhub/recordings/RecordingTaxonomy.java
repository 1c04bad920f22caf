package com.soundhub.recordings;

import java.util.List;

import com.soundhub.taxonomy.TermKind;
import com.soundhub.taxonomy.TermRenamed;
import com.soundhub.taxonomy.TermsMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Keeps recordings' genres, instruments and search text right when an admin merges or renames terms. */
@ApplicationScoped
class RecordingTaxonomy {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    void merge(@Observes TermsMerged merge) {
        if (merge.kind() == TermKind.GENRE) {
            em.createNativeQuery("UPDATE recordings SET genre_id = ?1 WHERE genre_id = ?2")
                    .setParameter(1, merge.into()).setParameter(2, merge.from()).executeUpdate();
        } else {
            em.createNativeQuery("INSERT INTO recording_instruments (recording_id, instrument_id) "
                            + "SELECT recording_id, ?1 FROM recording_instruments WHERE instrument_id = ?2 ON CONFLICT DO NOTHING")
                    .setParameter(1, merge.into()).setParameter(2, merge.from()).executeUpdate();
            em.createNativeQuery("DELETE FROM recording_instruments WHERE instrument_id = ?1")
                    .setParameter(1, merge.from()).executeUpdate();
        }
    }

    /** Search finds recordings by their genre's and instruments' names, so those texts follow a new name. */
    void renamed(@Observes TermRenamed rename) {
        String tagged = rename.kind() == TermKind.GENRE
                ? "SELECT r.id FROM Recording r WHERE r.genre.id = :id"
                : "SELECT r.id FROM Recording r JOIN r.instruments i WHERE i.id = :id";
        List<Long> ids = em.createQuery(tagged, Long.class).setParameter("id", rename.id()).getResultList();
        for (int from = 0; from < ids.size(); from += 200) {
            em.createQuery("SELECT DISTINCT r FROM Recording r LEFT JOIN FETCH r.genre LEFT JOIN FETCH r.instruments "
                            + "WHERE r.id IN :ids", Recording.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 200)))
                    .getResultList()
                    .forEach(Recording::refreshSearchText);
        }
    }
}
