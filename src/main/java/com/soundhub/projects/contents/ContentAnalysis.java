package com.soundhub.projects.contents;

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
 * Analysing an audio content of projects as media work: each attempt runs the {@link AudioAnalyser};
 * the content's analysis state follows what the media job decides. A file that is not audio fails
 * at once with a reason; any other failure is tried again with growing waits
 * ({@code soundhub.projects.analysis-retry-seconds}, then four times longer each time) until
 * {@code soundhub.projects.analysis-max-attempts} attempts have failed. The subject is the
 * content's {@code media_subject}, so a content shared by many projects is analysed once.
 */
@ApplicationScoped
public class ContentAnalysis implements MediaWork<ContentRepository.PendingAnalysis>, JobDefinition {

    /** The job's name in the queue; never changes. */
    public static final String NAME = "analyse-project-content";

    static final String GAVE_UP = "SoundHub could not prepare this file for listening. It can still be downloaded.";

    @Inject
    ContentStore contents;

    @Inject
    AudioAnalyser analyser;

    @Inject
    MediaJobs mediaJobs;

    @Inject
    @ConfigProperty(name = "soundhub.projects.analysis-max-attempts", defaultValue = "4")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "soundhub.projects.analysis-retry-seconds", defaultValue = "10")
    int retrySeconds;

    @Override
    public Task<?> task() {
        return mediaJobs.task(this);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(retrySeconds), 4);
    }

    @Override
    public String topic(UUID subject) {
        return topicOf(subject);
    }

    public static String topicOf(UUID subject) {
        return "project-content:" + subject;
    }

    @Override
    public Optional<ContentRepository.PendingAnalysis> begin(UUID subject, int attempt) {
        return contents.beginAnalysis(subject);
    }

    @Override
    public Outcome perform(ContentRepository.PendingAnalysis work, MediaRun run) throws Exception {
        return analyser.analyse(work, run);
    }

    @Override
    public void rejected(UUID subject, String reason) {
        contents.analysisFailed(subject, reason);
    }

    @Override
    public void retrying(UUID subject, int attempt, String reason, Instant nextAttempt) {
        contents.analysisRetrying(subject, "Preparing this file for listening did not work on attempt " + attempt + "; trying again shortly.");
    }

    @Override
    public void gaveUp(UUID subject, int attempts, String reason) {
        contents.analysisFailed(subject, GAVE_UP);
    }
}
