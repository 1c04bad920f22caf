package com.soundhub.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.soundhub.jobs.JobDefinition;
import com.soundhub.jobs.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The durable job that makes a generated piece; retried twice, then the piece fails with a reason. */
@ApplicationScoped
public class GenerateMusicJob implements JobDefinition {

    static final String NAME = "generate-music";
    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(GenerateMusicJob.class);

    @Inject
    Instance<GenerationPipeline> pipeline;

    @Inject
    Instance<GeneratorService> generations;

    @Inject
    Jobs jobs;

    private final OneTimeTask<String> task = Tasks.oneTime(NAME, String.class)
            .onFailure(this::onFailure)
            .execute((instance, context) -> {
                try {
                    pipeline.get().make(UUID.fromString(instance.getData()));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

    @Override
    public Task<?> task() {
        return task;
    }

    void schedule(UUID id) {
        jobs.scheduleIfAbsent(task.instance(id.toString(), id.toString()), Instant.now());
    }

    private void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        UUID id = UUID.fromString((String) complete.getExecution().taskInstance.getData());
        Throwable cause = complete.getCause().orElse(null);
        log.warn("Generating {} failed", id, cause);
        if (generations.get().attempts(id) < MAX_ATTEMPTS) {
            operations.reschedule(complete, Instant.now().plus(Duration.ofSeconds(5)));
        } else {
            generations.get().failed(id, "Making this piece failed. Try again, perhaps with another seed.");
            operations.stop();
        }
    }
}
