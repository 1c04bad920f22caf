package com.soundhub.recordings;

import com.soundhub.jobs.ProgressHub;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Tells every instance, this one included, of an owner's change once it commits, so that what they
 * keep of the public catalogue (pages, fragments, search results) is forgotten everywhere: the
 * change goes out through the hub (a PostgreSQL NOTIFY), and each instance raises
 * {@link CatalogueChanged} when it hears of one. This instance raises it as soon as its own change
 * commits as well, before the owner's next page.
 */
@ApplicationScoped
public class RecordingChangeNotices {

    @Inject
    ProgressHub hub;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    Event<CatalogueChanged> catalogueChanged;

    private AutoCloseable subscription;

    @PostConstruct
    void listen() {
        subscription = hub.subscribe(RecordingChanged.TOPIC, event -> catalogueChanged.fire(new CatalogueChanged()));
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

    void recordingChanged(@Observes RecordingChanged change) {
        hub.publishOnCommit(em, RecordingChanged.TOPIC, "{}");
    }

    void committedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordingChanged change) {
        catalogueChanged.fire(new CatalogueChanged());
    }
}
