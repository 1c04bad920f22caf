package com.soundhub.taxonomy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Reads the active genres and instruments, each time in a transaction of its own: the lists are
 * read for a cache on whatever thread asks first (a page, a background refresh), and read outside
 * a transaction Payara's shared entity manager was seen closed under the page that came after.
 */
@ApplicationScoped
class TaxonomyLists {

    record Lists(List<Genre> genres, List<Instrument> instruments) {
    }

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Lists read() {
        return new Lists(
                List.copyOf(em.createQuery("SELECT g FROM Genre g WHERE g.active = true ORDER BY g.position, g.name", Genre.class)
                        .getResultList()),
                List.copyOf(em.createQuery("SELECT i FROM Instrument i WHERE i.active = true ORDER BY i.position, i.name",
                        Instrument.class).getResultList()));
    }
}
