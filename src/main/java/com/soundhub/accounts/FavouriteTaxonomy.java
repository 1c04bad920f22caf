package com.soundhub.accounts;

import com.soundhub.taxonomy.TermKind;
import com.soundhub.taxonomy.TermsMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Members' favourite genres and instruments follow an admin's merge. */
@ApplicationScoped
class FavouriteTaxonomy {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    void merge(@Observes TermsMerged merge) {
        String table = merge.kind() == TermKind.GENRE ? "member_favourite_genres" : "member_favourite_instruments";
        String column = merge.kind() == TermKind.GENRE ? "genre_id" : "instrument_id";
        em.createNativeQuery("INSERT INTO " + table + " (member_id, " + column + ") SELECT member_id, ?1 FROM " + table
                        + " WHERE " + column + " = ?2 ON CONFLICT DO NOTHING")
                .setParameter(1, merge.into()).setParameter(2, merge.from()).executeUpdate();
        em.createNativeQuery("DELETE FROM " + table + " WHERE " + column + " = ?1").setParameter(1, merge.from()).executeUpdate();
    }
}
