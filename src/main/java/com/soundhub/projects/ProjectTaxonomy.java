package com.soundhub.projects;

import com.soundhub.taxonomy.TermKind;
import com.soundhub.taxonomy.TermsMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Moves projects' genres, wanted instruments and proposals' instruments when an admin merges terms. */
@ApplicationScoped
class ProjectTaxonomy {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    void merge(@Observes TermsMerged merge) {
        if (merge.kind() == TermKind.GENRE) {
            em.createNativeQuery("UPDATE projects SET genre_id = ?1 WHERE genre_id = ?2")
                    .setParameter(1, merge.into()).setParameter(2, merge.from()).executeUpdate();
            return;
        }
        em.createNativeQuery("INSERT INTO project_wanted_instruments (project_id, instrument_id) "
                        + "SELECT project_id, ?1 FROM project_wanted_instruments WHERE instrument_id = ?2 ON CONFLICT DO NOTHING")
                .setParameter(1, merge.into()).setParameter(2, merge.from()).executeUpdate();
        em.createNativeQuery("DELETE FROM project_wanted_instruments WHERE instrument_id = ?1")
                .setParameter(1, merge.from()).executeUpdate();
        em.createNativeQuery("UPDATE project_proposals SET instrument_id = ?1 WHERE instrument_id = ?2")
                .setParameter(1, merge.into()).setParameter(2, merge.from()).executeUpdate();
    }
}
