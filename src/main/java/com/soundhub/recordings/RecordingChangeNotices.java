package com.soundhub.recordings;

import com.soundhub.jobs.ProgressHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Tells every instance, this one included, of an owner's change once it commits, so that what they
 * keep of the public catalogue (pages, search results) is forgotten everywhere.
 */
@ApplicationScoped
public class RecordingChangeNotices {

    @Inject
    ProgressHub hub;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    void recordingChanged(@Observes RecordingChanged change) {
        hub.publishOnCommit(em, RecordingChanged.TOPIC, "{}");
    }
}
