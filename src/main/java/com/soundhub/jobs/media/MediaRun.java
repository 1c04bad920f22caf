package com.soundhub.jobs.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.soundhub.jobs.MediaWorkers;
import com.soundhub.media.ProcessGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a piece of media work, with what it owns: a scratch folder of its own, the
 * programs it starts ({@link #processes()}) and its progress events. Closing the run kills the
 * programs still running and removes the folder, however the attempt ended; if the instance dies
 * instead, the programs' watchdogs do both.
 */
public final class MediaRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaRun.class);

    private final UUID subject;
    private final int attempt;
    private final Path folder;
    private final ProcessGroup processes;
    private final Consumer<Record> events;
    private final MediaWorkers workers;
    private volatile String abandonedBecause;
    private volatile boolean closed;

    /**
     * @param events publishes an event on the subject's topic, at once
     */
    public MediaRun(UUID subject, int attempt, Path folder, Consumer<Record> events, MediaWorkers workers) {
        this.subject = subject;
        this.attempt = attempt;
        this.folder = folder;
        this.processes = new ProcessGroup(folder);
        this.events = events;
        this.workers = workers;
    }

    public UUID subject() {
        return subject;
    }

    /** 1 for the first attempt. */
    public int attempt() {
        return attempt;
    }

    /** Scratch space of this attempt alone, removed when it ends. */
    public Path folder() {
        return folder;
    }

    /** Start ffmpeg and other programs in this group, so that they end with the run. */
    public ProcessGroup processes() {
        return processes;
    }

    /** Tells the pages following the subject how far it is. */
    public void progress(String state, int percent) {
        events.accept(new Progress(state, percent));
    }

    /** Runs CPU-heavy work (an encode, a render) once one of the instance's media workers is free. */
    public <V> V heavy(Callable<V> work) throws Exception {
        return workers.run(work);
    }

    /**
     * Gives the attempt up from outside: its programs are killed and it may start no more, so it
     * fails soon. For an attempt that another instance has taken over.
     */
    public void abandon(String why) {
        if (abandonedBecause == null) {
            abandonedBecause = why;
            log.warn("Abandoning attempt {} on {}: {}", attempt, subject, why);
        }
        processes.kill();
    }

    /** Why the run was abandoned, if it was. */
    public Optional<String> abandonment() {
        return Optional.ofNullable(abandonedBecause);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        processes.kill();
        try {
            WorkFolders.deleteRecursively(folder);
        } catch (IOException e) {
            // Removed with this instance's folder once this instance has stopped.
            log.warn("Could not remove {}: {}", folder, e.getMessage());
        }
    }
}
