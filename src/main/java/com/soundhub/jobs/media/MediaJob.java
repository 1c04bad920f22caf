package com.soundhub.jobs.media;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kind of {@link MediaWork} as a durable db-scheduler task, whose instance id and data are the
 * subject's id, so a subject is never queued twice. db-scheduler keeps the heartbeats, hands the
 * work of a dead instance to another and counts consecutive failures (a dead execution is one);
 * this class adds what all media work shares:
 * <ul>
 * <li>an attempt is {@code begin}, {@code perform} in a {@link MediaRun} of its own, then the
 * outcome: done, or {@code rejected};</li>
 * <li>after a failure the {@link RetryPolicy} decides between {@code retrying} (rescheduled with
 * back-off) and {@code gaveUp} (removed from the queue);</li>
 * <li>an attempt whose instance died starts over at once while attempts remain, so that work that
 * crashes its instance every time cannot take instance after instance down forever;</li>
 * <li>an attempt that another instance has taken over (this one lost its heartbeats) is abandoned:
 * its programs are killed, and the state is left to the new owner.</li>
 * </ul>
 */
public final class MediaJob<T> {

    private static final Logger log = LoggerFactory.getLogger(MediaJob.class);

    /** Opens the run of one attempt. */
    @FunctionalInterface
    interface Runs {
        MediaRun open(MediaWork<?> work, UUID subject, int attempt, BooleanSupplier takenOver) throws IOException;
    }

    /** Told when the work on a subject has ended for good, so that its owner's next work may start. */
    @FunctionalInterface
    interface Ended {
        void ended(String workName, String subject, String data);
    }

    /** What becomes of the queued job after a failed attempt. */
    sealed interface AfterFailure {
    }

    record RetryAt(Instant when) implements AfterFailure {
    }

    record GiveUp() implements AfterFailure {
    }

    /** The job belongs to another instance now: neither the queue nor the subject is ours to change. */
    record LeaveAlone() implements AfterFailure {
    }

    /** An attempt given up because another instance took its job over. */
    static final class Abandoned extends RuntimeException {
        Abandoned(String why, Throwable failure) {
            super(why, failure);
        }
    }

    /** A checked failure of an attempt, carried to the failure handler. */
    static final class AttemptFailed extends RuntimeException {
        AttemptFailed(Throwable cause) {
            super(cause);
        }
    }

    private final MediaWork<T> work;
    private final Runs runs;
    private final Ended ended;
    private final Clock clock;
    private final OneTimeTask<String> task;

    MediaJob(MediaWork<T> work, Runs runs, Clock clock) {
        this(work, runs, (name, subject, data) -> {
        }, clock);
    }

    MediaJob(MediaWork<T> work, Runs runs, Ended ended, Clock clock) {
        this.work = work;
        this.runs = runs;
        this.ended = ended;
        this.clock = clock;
        this.task = Tasks.oneTime(work.name(), String.class)
                .onFailure(this::onFailure)
                .onDeadExecution(this::onDeadExecution)
                .execute((instance, context) -> {
                    try {
                        attempt(MediaLanes.subjectOf(instance.getData()), attemptOf(context.getExecution()), takenOver(context));
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new AttemptFailed(e);
                    }
                    end(instance.getId(), instance.getData());
                });
    }

    /** The subject's work is over: the lanes of its owner hear of it, and trouble there delays only their next work. */
    private void end(String subject, String data) {
        try {
            ended.ended(work.name(), subject, data);
        } catch (RuntimeException e) {
            log.warn("{} {}: could not release its member's next work ({}); the lanes' recurring job will",
                    work.name(), subject, MediaJob.reasonOf(e));
        }
    }

    OneTimeTask<String> task() {
        return task;
    }

    /** One attempt at the subject's work. */
    void attempt(UUID subject, int attempt, BooleanSupplier takenOver) throws Exception {
        Optional<T> begun = work.begin(subject, attempt);
        if (begun.isEmpty()) {
            log.debug("{} {}: nothing to do", work.name(), subject);
            return;
        }
        Outcome outcome;
        try (MediaRun run = runs.open(work, subject, attempt, takenOver)) {
            try {
                outcome = work.perform(begun.get(), run);
            } catch (Exception e) {
                if (run.abandonment().isPresent()) {
                    throw new Abandoned(run.abandonment().get(), e);
                }
                throw e;
            }
        }
        if (outcome instanceof Outcome.Rejected rejected) {
            log.info("{} {}: rejected: {}", work.name(), subject, rejected.reason());
            work.rejected(subject, rejected.reason());
        }
    }

    /** After attempt {@code attempt} threw {@code failure}. */
    AfterFailure afterFailure(UUID subject, int attempt, Throwable failure) {
        if (failure instanceof Abandoned abandoned) {
            log.warn("{} {}: attempt {} abandoned ({}); the instance that took it over carries on",
                    work.name(), subject, attempt, abandoned.getMessage());
            return new LeaveAlone();
        }
        String reason = reasonOf(failure);
        Optional<Instant> next = work.retryPolicy().nextAttempt(attempt, clock.instant());
        if (next.isPresent()) {
            log.warn("{} {}: attempt {} of {} failed, next at {}: {}", work.name(), subject, attempt,
                    work.retryPolicy().maxAttempts(), next.get(), reason, failure);
            work.retrying(subject, attempt, reason, next.get());
            return new RetryAt(next.get());
        }
        log.warn("{} {}: attempt {} of {} failed, giving up: {}", work.name(), subject, attempt,
                work.retryPolicy().maxAttempts(), reason, failure);
        work.gaveUp(subject, attempt, reason);
        return new GiveUp();
    }

    /** After the instance running attempt {@code attempt} stopped sending heartbeats. */
    AfterFailure afterDeath(UUID subject, int attempt) {
        if (work.retryPolicy().hasAttemptsAfter(attempt)) {
            // Not the work's fault, most likely: no back-off.
            log.info("{} {}: the instance running attempt {} stopped; starting over", work.name(), subject, attempt);
            return new RetryAt(clock.instant());
        }
        String reason = "the server working on it stopped during attempt " + attempt;
        log.warn("{} {}: {}, the last one allowed; giving up", work.name(), subject, reason);
        work.gaveUp(subject, attempt, reason);
        return new GiveUp();
    }

    private void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        Execution execution = complete.getExecution();
        apply(afterFailure(subjectOf(execution), attemptOf(execution), complete.getCause().orElse(null)),
                complete, operations);
    }

    private void onDeadExecution(ExecutionComplete complete, ExecutionOperations<String> operations) {
        Execution execution = complete.getExecution();
        apply(afterDeath(subjectOf(execution), attemptOf(execution)), complete, operations);
    }

    private void apply(AfterFailure next, ExecutionComplete complete, ExecutionOperations<String> operations) {
        if (next instanceof RetryAt retry) {
            operations.reschedule(complete, retry.when());
        } else if (next instanceof GiveUp) {
            operations.stop();
            Execution execution = complete.getExecution();
            end(execution.taskInstance.getId(), (String) execution.taskInstance.getData());
        }
    }

    private static UUID subjectOf(Execution execution) {
        return MediaLanes.subjectOf((String) execution.taskInstance.getData());
    }

    /** db-scheduler counts the failures (dead executions included) since the job was queued. */
    static int attemptOf(Execution execution) {
        return execution.consecutiveFailures + 1;
    }

    /**
     * Whether another instance has taken this execution over: this instance's heartbeats for it
     * stopped getting through for as long as others wait before they revive it, and the queue
     * shows it revived (picked again, or due again).
     */
    private static BooleanSupplier takenOver(ExecutionContext context) {
        CurrentlyExecuting current = context.getCurrentlyExecuting();
        Execution mine = context.getExecution();
        if (current == null) {
            return () -> false;
        }
        return () -> {
            if (current.getHeartbeatState().getFractionDead() < 1.0) {
                return false;
            }
            try {
                Optional<ScheduledExecution<Object>> now = context.getSchedulerClient().getScheduledExecution(mine.taskInstance);
                return now.isEmpty() || !now.get().isPicked() || !Objects.equals(mine.pickedBy, now.get().getPickedBy())
                        || !mine.executionTime.equals(now.get().getExecutionTime());
            } catch (RuntimeException unreachable) {
                // Without the queue nobody can take the job over either.
                return false;
            }
        };
    }

    /** The root cause, as a short line for logs and for the subject's history. */
    static String reasonOf(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
