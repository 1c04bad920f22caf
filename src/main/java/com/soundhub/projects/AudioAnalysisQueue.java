package com.soundhub.projects;

import com.soundhub.projects.contents.ContentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Queues the analysis of the audio a revision brings in, inside the push's transaction: the media
 * jobs exist in PostgreSQL exactly when the revision does, and start once it commits. Each content
 * is analysed once, whichever projects hold it; the work counts towards the pusher's share of the
 * media workers.
 */
@ApplicationScoped
public class AudioAnalysisQueue {

    @Inject
    RevisionRepository revisions;

    @Inject
    ContentStore contents;

    void queue(@Observes RevisionPushed pushed) {
        if (pushed.newAudio().isEmpty()) {
            return;
        }
        RevisionInfo revision = revisions.revision(pushed.projectId(), pushed.revision())
                .orElseThrow(() -> new IllegalStateException("Revision r" + pushed.revision() + " of project "
                        + pushed.projectPublicId() + " was announced but is not there"));
        contents.queueAnalysis(pushed.newAudio(), revision.authorId());
    }
}
