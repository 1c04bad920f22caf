package com.soundhub.projects;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.soundhub.projects.contents.ContentStore;
import com.soundhub.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** What the housekeeping job does, callable on its own (tests, operators). */
@ApplicationScoped
public class ProjectHousekeeping {

    /** A committed push's rows are kept this long, so a client retrying its commit gets its answer. */
    static final Duration KEEP_COMMITTED = Duration.ofHours(1);

    @Inject
    PushRepository pushes;

    @Inject
    ContentStore contents;

    @Inject
    ObjectStorage storage;

    @Inject
    PushSettings settings;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public int clearFinishedPushes(int limit) {
        int cleared = 0;
        for (UUID push : pushes.finished(clock.instant().minus(KEEP_COMMITTED), limit)) {
            for (PushRepository.Upload upload : pushes.uploads(push).values()) {
                if (upload.multipartId() != null) {
                    storage.abortMultipartUpload(upload.incomingKey(), upload.multipartId());
                }
            }
            storage.deleteAllUnder(ContentStore.incomingPrefix(push));
            pushes.delete(push);
            cleared++;
        }
        return cleared;
    }

    public int deleteUnreferencedContents(int limit) {
        return contents.deleteUnreferenced(settings.unreferencedGrace(), limit);
    }
}
