package com.soundhub.accounts;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.soundhub.jobs.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Hourly: expired sessions, mailed links a day past their expiry and password reset requests older
 * than a day (the limits look back an hour at most) are deleted, so these tables stay small.
 */
@ApplicationScoped
public class ForgetExpiredAccountRowsJob implements JobDefinition {

    @Inject
    Instance<SessionService> sessions;

    @Inject
    Instance<PasswordResets> resets;

    @Inject
    Instance<EmailChanges> emailChanges;

    @Inject
    Instance<EmailConfirmations> emailConfirmations;

    @Inject
    Instance<ProviderSignIns> providerSignIns;

    @Override
    public Task<?> task() {
        return Tasks.recurring("forget-expired-account-rows", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    sessions.get().deleteExpired();
                    resets.get().forgetOld();
                    emailChanges.get().forgetOld();
                    emailConfirmations.get().forgetOld();
                    providerSignIns.get().forgetOld();
                });
    }
}
