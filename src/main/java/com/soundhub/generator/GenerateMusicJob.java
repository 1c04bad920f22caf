package com.soundhub.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.Task;
import com.soundhub.jobs.JobDefinition;
import com.soundhub.jobs.media.MediaJobs;
import com.soundhub.jobs.media.MediaRun;
import com.soundhub.jobs.media.MediaWork;
import com.soundhub.jobs.media.Outcome;
import com.soundhub.jobs.media.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Making a generated piece as media work: each attempt runs the {@link GenerationPipeline} from the
 * start. A failed attempt is tried again after {@code soundhub.generator.retry-seconds} until
 * {@code soundhub.generator.max-attempts} have failed; then the piece fails, saying why.
 */
@ApplicationScoped
public class GenerateMusicJob implements MediaWork<GeneratorService.Work>, JobDefinition {

    @Inject
    GeneratorService generations;

    @Inject
    GenerationPipeline pipeline;

    @Inject
    MediaJobs mediaJobs;

    @Inject
    @ConfigProperty(name = "soundhub.generator.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "soundhub.generator.retry-seconds", defaultValue = "5")
    int retrySeconds;

    @Override
    public Task<?> task() {
        return mediaJobs.task(this);
    }

    @Override
    public String name() {
        return GeneratorService.GENERATING;
    }

    /** The same wait before every attempt: a piece fails for reasons that do not pass with time. */
    @Override
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(retrySeconds), 1);
    }

    @Override
    public String topic(UUID generation) {
        return GeneratorService.topic(generation);
    }

    @Override
    public Optional<GeneratorService.Work> begin(UUID generation, int attempt) {
        return generations.begin(generation, attempt);
    }

    @Override
    public Outcome perform(GeneratorService.Work work, MediaRun run) throws Exception {
        return pipeline.make(work, run);
    }

    /** The engine accepts every request the form lets through; should one be refused, the piece fails. */
    @Override
    public void rejected(UUID generation, String reason) {
        generations.failed(generation, reason);
    }

    /** The piece keeps its state until the next attempt starts it over; the job's log says why. */
    @Override
    public void retrying(UUID generation, int attempt, String reason, Instant nextAttempt) {
    }

    @Override
    public void gaveUp(UUID generation, int attempts, String reason) {
        generations.failed(generation, "Making this piece failed. Try again, perhaps with another seed. (" + reason + ")");
    }
}
