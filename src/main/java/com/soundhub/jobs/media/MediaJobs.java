package com.soundhub.jobs.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.task.Task;
import com.soundhub.jobs.JobSettings;
import com.soundhub.jobs.MediaWorkers;
import com.soundhub.jobs.ProgressHub;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the media work features define. A feature turns its {@link MediaWork} into a job with
 * {@link #task(MediaWork)} (from its {@code JobDefinition}) and queues a subject with
 * {@link #start(String, UUID, long)}. This instance's scratch folders live here, and so does the watch
 * that abandons attempts another instance has taken over.
 */
@ApplicationScoped
public class MediaJobs {

    private static final Logger log = LoggerFactory.getLogger(MediaJobs.class);

    @Inject
    JobSettings settings;

    @Inject
    ProgressHub hub;

    @Inject
    MediaWorkers workers;

    @Inject
    MediaLanes lanes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private WorkFolders folders;
    private final Map<MediaRun, BooleanSupplier> running = new ConcurrentHashMap<>();
    private ScheduledFuture<?> watch;

    @PostConstruct
    void start() {
        folders = new WorkFolders(settings.workDirectory());
        long every = Math.max(1, settings.heartbeatInterval().toSeconds());
        watch = scheduler.scheduleWithFixedDelay(this::abandonTakenOverRuns, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (watch != null) {
            watch.cancel(false);
        }
    }

    /** At start-up, the scratch folders of instances that died on this host go. */
    void removeLeftoversAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        removeLeftovers();
    }

    /** The durable job that does {@code work}; a feature's {@code JobDefinition} returns it. */
    public Task<?> task(MediaWork<?> work) {
        return new MediaJob<>(work, this::open, lanes::finished, Clock.systemUTC()).task();
    }

    /**
     * Queues the work on {@code subject} for member {@code owner} within the caller's transaction:
     * to run now, unless the member already has their share of this kind of work going, in which
     * case it waits for theirs to end ({@link MediaLanes}); work already due moves to now. A subject
     * whose work was given up gets a fresh set of attempts.
     */
    public void start(String workName, UUID subject, long owner) {
        lanes.queue(workName, subject, owner);
    }

    public Path workDirectory() {
        return settings.workDirectory();
    }

    private MediaRun open(MediaWork<?> work, UUID subject, int attempt, BooleanSupplier takenOver) throws IOException {
        // Also here, not only at start-up: an instance of this host may have died since.
        removeLeftovers();
        Path folder = folders.newRunFolder(work.name() + "-" + subject + "-" + attempt);
        String topic = work.topic(subject);
        MediaRun run = new MediaRun(subject, attempt, folder, event -> hub.publish(topic, event), workers);
        running.put(run, takenOver);
        return run;
    }

    private void removeLeftovers() {
        try {
            List<Path> removed = folders.removeLeftoversOfDeadInstances();
            if (!removed.isEmpty()) {
                log.info("Removed the scratch folders of instances that stopped: {}", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove the scratch folders of stopped instances: {}", e.getMessage());
        }
    }

    private void abandonTakenOverRuns() {
        running.forEach((run, takenOver) -> {
            if (run.isClosed()) {
                running.remove(run);
            } else if (takenOver.getAsBoolean()) {
                run.abandon("another instance took the job over while this one could not send heartbeats");
            }
        });
    }
}
