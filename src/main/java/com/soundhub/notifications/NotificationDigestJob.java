package com.soundhub.notifications;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.soundhub.jobs.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every few minutes: the digests that are due (a day after the last one, with something new in it) are mailed. */
@ApplicationScoped
public class NotificationDigestJob implements JobDefinition {

    @Inject
    NotificationMail mail;

    @Inject
    @ConfigProperty(name = "soundhub.notifications.digest-check-seconds", defaultValue = "600")
    int everySeconds;

    @Override
    public Task<?> task() {
        return Tasks.recurring("notification-digests", FixedDelay.of(Duration.ofSeconds(everySeconds)))
                .execute((instance, context) -> {
                    while (mail.sendDueDigests(100) == 100) {
                        // A full batch: there may be more due.
                    }
                });
    }
}
