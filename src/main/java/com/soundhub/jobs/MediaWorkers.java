package com.soundhub.jobs;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bounds how many CPU-heavy media jobs (transcodes, renders) run at once on this instance. Job
 * threads are separate from HTTP threads already; this keeps a burst of encodes to about one per
 * core so that small jobs and page requests still get CPU.
 */
@ApplicationScoped
public class MediaWorkers {

    @Inject
    JobSettings settings;

    private int capacity;
    private Semaphore permits;

    /** For CDI. */
    public MediaWorkers() {
    }

    /** With {@code capacity} workers, outside the container (tests, tools). */
    public MediaWorkers(int capacity) {
        start(capacity);
    }

    @PostConstruct
    void init() {
        start(settings.mediaWorkers());
    }

    private void start(int workers) {
        capacity = workers;
        permits = new Semaphore(workers, true);
    }

    public <T> T run(Callable<T> work) throws Exception {
        permits.acquire();
        try {
            return work.call();
        } finally {
            permits.release();
        }
    }

    public int busy() {
        return capacity - permits.availablePermits();
    }

    public int capacity() {
        return capacity;
    }
}
