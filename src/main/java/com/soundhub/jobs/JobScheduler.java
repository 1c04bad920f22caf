package com.soundhub.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.soundhub.platform.database.DataSources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this instance's share of the job queue. Every instance runs one; db-scheduler makes sure each
 * job runs on one of them at a time. Its threads come from the container's managed thread factory,
 * so jobs can use CDI, JPA and JTA like request code does.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JobScheduler {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    @Resource(lookup = DataSources.DIRECT)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @Any
    Instance<JobDefinition> definitions;

    @Inject
    JobSettings settings;

    private volatile Scheduler scheduler;
    private final List<ExecutorService> executors = new ArrayList<>();

    @PostConstruct
    void start() {
        List<Task<?>> tasks = new ArrayList<>();
        List<OnStartup> recurring = new ArrayList<>();
        for (JobDefinition definition : definitions) {
            Task<?> task = definition.task();
            // Recurring tasks are registered as start tasks (which also makes them known).
            if (task instanceof OnStartup startup) {
                recurring.add(startup);
            } else {
                tasks.add(task);
            }
        }
        if (!settings.enabled()) {
            log.info("Jobs are disabled on this instance; it only schedules them");
            return;
        }
        ExecutorService workers = remember(Executors.newFixedThreadPool(settings.threads(), threadFactory));
        ExecutorService due = remember(Executors.newSingleThreadExecutor(threadFactory));
        ScheduledExecutorService housekeeper = (ScheduledExecutorService) remember(
                Executors.newScheduledThreadPool(2, threadFactory));
        scheduler = Scheduler.create(dataSource, tasks)
                .startTasks(castStartTasks(recurring))
                .serializer(new JobDataSerializer())
                .executorService(workers)
                .dueExecutor(due)
                .housekeeperExecutor(housekeeper)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
                .pollUsingLockAndFetch(0.5, 1.0)
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .enableImmediateExecution()
                .build();
        scheduler.start();
        log.info("Job scheduler started: {} threads ({} for media), {} kinds of job", settings.threads(),
                settings.mediaWorkers(), tasks.size() + recurring.size());
    }

    /** Host and process id: what {@code picked_by} shows for a running job, even with many instances per host. */
    static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "#" + ProcessHandle.current().pid();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List castStartTasks(List<OnStartup> startTasks) {
        return (List) startTasks;
    }

    private ExecutorService remember(ExecutorService executor) {
        executors.add(executor);
        return executor;
    }

    /** Another instance (or this one) scheduled a job that is due: look now rather than at the next poll. */
    public void jobsDue(@Observes ProgressHub.JobsDue due) {
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
        executors.forEach(ExecutorService::shutdownNow);
    }
}
