package com.soundhub.web;

import com.soundhub.jobs.ProgressHub;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Tells every instance, this one included, that public pages changed once the change commits, so
 * that they forget their copies ({@link PublicPagesChanged}): the notice goes out as a PostgreSQL
 * NOTIFY, which every instance hears; this instance also forgets at once after its own commit,
 * before the member who made the change asks for the page again.
 */
@ApplicationScoped
public class PublicPageNotices {

    static final String TOPIC = "public-pages-changed";

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    ProgressHub hub;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    Event<PublicPagesChanged> changed;

    @Inject
    Event<Announced> announced;

    /** A change announced inside a transaction, for this instance to forget once it commits. */
    record Announced(PublicPagesChanged change) {
    }

    private AutoCloseable subscription;

    @PostConstruct
    void listen() {
        subscription = hub.subscribe(TOPIC, json -> changed.fire(JSON.fromJson(json, PublicPagesChanged.class)));
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Created at start-up, so that it hears of changes before anything is kept.
    }

    @PreDestroy
    void stop() {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // Only a set of subscribers is left behind, and the application is going away.
        }
    }

    /** The page at {@code path}, and those under it, look different to visitors once the current transaction commits. */
    public void pageChanged(String path) {
        announce(new PublicPagesChanged(path));
    }

    /** Any public page may look different to visitors once the current transaction commits (a recording made private). */
    public void everythingChanged() {
        announce(new PublicPagesChanged(null));
    }

    private void announce(PublicPagesChanged change) {
        hub.publishOnCommit(em, TOPIC, JSON.toJson(change));
        announced.fire(new Announced(change));
    }

    void committedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) Announced announcement) {
        changed.fire(announcement.change());
    }
}
