package com.soundhub.taxonomy;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.soundhub.jobs.KeptCopies;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Reads the genre and instrument lists, for forms, filters and validation of chosen ids. Each
 * instance keeps the lists and forgets them as soon as any instance commits a change to them
 * ({@link TaxonomyEditor}, {@link KeptCopies}).
 */
@ApplicationScoped
public class TaxonomyService {

    /** The name of the lists among the copies instances keep ({@link KeptCopies}). */
    static final String KEPT_AS = "taxonomy";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /**
     * The lists change rarely (an admin edits them) and appear on many pages, so each instance
     * keeps them: after a minute the next reader still gets the kept lists while they are read again
     * in the background, so no page ever waits for them. That minute only matters when a notice of
     * a change was lost; a change announced makes every instance read them again at once.
     */
    static final Duration LIST_LIFETIME = Duration.ofSeconds(60);

    @Resource
    ManagedExecutorService executor;

    @Inject
    TaxonomyLists reader;

    private LoadingCache<Boolean, TaxonomyLists.Lists> lists;

    @PostConstruct
    void keepLists() {
        lists = Caffeine.newBuilder()
                .refreshAfterWrite(LIST_LIFETIME)
                // Read again on a container thread, where transactions work as in a request.
                .executor(executor)
                .build(unused -> reader.read());
    }

    void forget(@Observes KeptCopies.Forget notice) {
        if (KEPT_AS.equals(notice.name())) {
            lists.invalidateAll();
        }
    }

    public List<Genre> activeGenres() {
        return lists.get(Boolean.TRUE).genres();
    }

    public List<Instrument> activeInstruments() {
        return lists.get(Boolean.TRUE).instruments();
    }

    /** The id of the active genre with this slug, if there is one. */
    public java.util.Optional<Short> genreId(String slug) {
        return em.createQuery("SELECT g.id FROM Genre g WHERE g.active = true AND g.slug = :slug", Short.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    /** The id of the active instrument with this slug, if there is one. */
    public java.util.Optional<Short> instrumentId(String slug) {
        return em.createQuery("SELECT i.id FROM Instrument i WHERE i.active = true AND i.slug = :slug", Short.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    /** The active genres among {@code ids}; unknown or retired ids are left out. */
    public Set<Genre> genres(Collection<Short> ids) {
        if (ids == null || ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("SELECT g FROM Genre g WHERE g.active = true AND g.id IN :ids", Genre.class)
                .setParameter("ids", ids).getResultList());
    }

    public Set<Instrument> instruments(Collection<Short> ids) {
        if (ids == null || ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("SELECT i FROM Instrument i WHERE i.active = true AND i.id IN :ids", Instrument.class)
                .setParameter("ids", ids).getResultList());
    }
}
