package com.soundhub.jobs.media;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One kind of media work on a subject (an upload, a generated piece), as a feature defines it.
 * {@link MediaJobs} runs it: it counts the attempts, decides after each one whether the subject is
 * done, rejected, tried again later or given up, and tells the feature through these methods,
 * which record the move in the feature's own states. The feature's methods each run in a
 * transaction of their own; {@link #perform} runs outside any, so it may store files in S3.
 *
 * @param <T> what one attempt needs, as {@link #begin} reads it from the subject
 */
public interface MediaWork<T> {

    /** The job's name in the queue. Waiting jobs are stored under it, so it never changes. */
    String name();

    RetryPolicy retryPolicy();

    /** The {@code ProgressHub} topic that pages showing the subject follow. */
    String topic(UUID subject);

    /**
     * Attempt {@code attempt} (1, 2, ...; an attempt whose instance died counts too) begins: move
     * the subject to its first working state, and return what the work needs; empty when nothing is
     * left to do (it finished meanwhile, or is gone).
     */
    Optional<T> begin(UUID subject, int attempt);

    /**
     * Does the work with the run's folder and programs. Throws for a failure another attempt may
     * not meet; returns {@link Outcome#rejected} for input no attempt will accept.
     */
    Outcome perform(T work, MediaRun run) throws Exception;

    /** The input is not acceptable: the subject's work ends here. */
    void rejected(UUID subject, String reason);

    /** Attempt {@code attempt} failed for {@code reason}; the next one starts at {@code nextAttempt}. */
    void retrying(UUID subject, int attempt, String reason, Instant nextAttempt);

    /** The last attempt failed too; nothing more happens on its own. */
    void gaveUp(UUID subject, int attempts, String reason);
}
