package com.soundhub.jobs;

import com.github.kagkarlsson.scheduler.task.Task;

/**
 * A kind of background work a feature contributes. Implementations are CDI beans; the scheduler
 * collects them all at start-up.
 */
public interface JobDefinition {

    /** The db-scheduler task: its name, data type, failure handling and what it does. */
    Task<?> task();
}
