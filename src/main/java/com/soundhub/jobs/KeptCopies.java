package com.soundhub.jobs;

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

/**
 * For what every instance keeps a copy of (the genre lists, the site settings): {@link #changed}
 * tells every instance, this one included, to forget its copy once the current transaction
 * commits, and not at all if it rolls back. Keepers observe {@link Forget} and check its name.
 * The notice travels as a PostgreSQL NOTIFY through {@link ProgressHub}; this instance also
 * forgets at once after its own commit, before the admin who made the change asks again.
 */
@ApplicationScoped
public class KeptCopies {

    static final String TOPIC = "kept-copies-changed";

    private static final Jsonb JSON = JsonbBuilder.create();

    /** Forget the copy called {@code name}: it changed. */
    public record Forget(String name) {
    }

    /** Announced inside a transaction, for this instance to forget once it commits. */
    record ChangedHere(String name) {
    }

    @Inject
    ProgressHub hub;

    @Inject
    Event<Forget> forget;

    @Inject
    Event<ChangedHere> changedHere;

    private AutoCloseable subscription;

    @PostConstruct
    void listen() {
        subscription = hub.subscribe(TOPIC, json -> forget.fire(JSON.fromJson(json, Forget.class)));
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

    /** The copy called {@code name} is out of date once the transaction of {@code em} commits. */
    public void changed(EntityManager em, String name) {
        hub.publishOnCommit(em, TOPIC, new Forget(name));
        changedHere.fire(new ChangedHere(name));
    }

    void committedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangedHere change) {
        forget.fire(new Forget(change.name()));
    }
}
