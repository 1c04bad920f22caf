package com.soundhub.taxonomy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.soundhub.jobs.KeptCopies;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Changes to the vocabularies: create, rename, reorder and merge. Every form on every instance
 * sees a change as soon as it commits ({@link TaxonomyService} forgets its lists when told).
 *
 * <p>For admins only: the back office checks the role before calling, as this package stands
 * below the accounts that know roles.
 */
@ApplicationScoped
@Transactional
public class TaxonomyEditor {

    static final int POSITION_STEP = 10;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    KeptCopies keptCopies;

    @Inject
    Event<TermsMerged> merged;

    @Inject
    Event<TermRenamed> renamed;

    /** Every term of {@code kind}, retired ones too, in their order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaxonomyTerm> all(TermKind kind) {
        return new ArrayList<>(em.createQuery("SELECT t FROM " + kind.entity().getSimpleName() + " t ORDER BY t.position, t.name",
                kind.entity()).getResultList());
    }

    public TaxonomyTerm create(TermKind kind, String name) {
        String clean = checkedName(kind, name, null);
        String slug = uniqueSlug(kind, slugOf(clean));
        int last = em.createQuery("SELECT coalesce(max(t.position), 0) FROM " + kind.entity().getSimpleName() + " t", Integer.class)
                .getSingleResult();
        TaxonomyTerm term = kind == TermKind.GENRE ? new Genre(slug, clean, last + POSITION_STEP)
                : new Instrument(slug, clean, last + POSITION_STEP);
        em.persist(term);
        changed();
        return term;
    }

    public TaxonomyTerm rename(TermKind kind, short id, String name) {
        TaxonomyTerm term = find(kind, id);
        term.rename(checkedName(kind, name, id));
        em.flush();
        renamed.fire(new TermRenamed(kind, id));
        changed();
        return term;
    }

    /** Moves the term one place up ({@code -1}) or down ({@code +1}) in every list. */
    public TaxonomyTerm move(TermKind kind, short id, int direction) {
        List<TaxonomyTerm> terms = all(kind);
        int at = indexOf(terms, id);
        int to = at + Integer.signum(direction);
        if (to >= 0 && to < terms.size()) {
            terms.add(to, terms.remove(at));
        }
        for (int i = 0; i < terms.size(); i++) {
            terms.get(i).moveTo((i + 1) * POSITION_STEP);
        }
        changed();
        return terms.get(Math.max(0, Math.min(to, terms.size() - 1)));
    }

    /** Moves everything tagged {@code fromId} to {@code intoId} and deletes {@code fromId}; returns the term kept. */
    public TaxonomyTerm merge(TermKind kind, short fromId, short intoId) {
        if (fromId == intoId) {
            throw new RuleViolation("into", "Choose another " + kind.label() + " to merge into.");
        }
        TaxonomyTerm from = find(kind, fromId);
        TaxonomyTerm into = find(kind, intoId);
        em.lock(from, LockModeType.PESSIMISTIC_WRITE);
        em.lock(into, LockModeType.PESSIMISTIC_WRITE);
        em.flush();
        merged.fire(new TermsMerged(kind, fromId, intoId));
        em.remove(from);
        em.flush();
        renamed.fire(new TermRenamed(kind, intoId));
        changed();
        return into;
    }

    private TaxonomyTerm find(TermKind kind, short id) {
        TaxonomyTerm term = em.find(kind.entity(), id);
        if (term == null) {
            throw new NotFound();
        }
        return term;
    }

    private static int indexOf(List<TaxonomyTerm> terms, short id) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).getId() == id) {
                return i;
            }
        }
        throw new NotFound();
    }

    private String checkedName(TermKind kind, String name, Short id) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > 60) {
            throw new RuleViolation("name", "A name is 1 to 60 characters long.");
        }
        boolean taken = em.createQuery("SELECT t.id FROM " + kind.entity().getSimpleName() + " t WHERE lower(t.name) = :name",
                        Short.class)
                .setParameter("name", clean.toLowerCase(Locale.ROOT))
                .getResultStream().anyMatch(other -> id == null || !other.equals(id));
        if (taken) {
            throw new RuleViolation("name", "There is a " + kind.label() + " called \u201c" + clean + "\u201d already; merge into it instead.");
        }
        return clean;
    }

    static String slugOf(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "term";
        }
        return slug.length() > 34 ? slug.substring(0, 34) : slug;
    }

    private String uniqueSlug(TermKind kind, String base) {
        String slug = base;
        for (int n = 2; !em.createQuery("SELECT t.id FROM " + kind.entity().getSimpleName() + " t WHERE t.slug = :slug", Short.class)
                .setParameter("slug", slug).getResultList().isEmpty(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** Every instance, this one included, forgets its lists once the change commits. */
    private void changed() {
        keptCopies.changed(em, TaxonomyService.KEPT_AS);
    }
}
