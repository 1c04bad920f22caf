package com.soundhub.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.soundhub.platform.database.DataSources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of background work, on every instance. Workers publish events with PostgreSQL
 * {@code NOTIFY}; each instance keeps one connection that {@code LISTEN}s and hands events to the
 * local subscribers (open Server-Sent Events streams). A page served by instance A thus follows a
 * job running on instance B.
 *
 * <p>An event is a record, sent as a small JSON object (JSON-B, nulls included) with a
 * {@code topic} such as {@code upload:<id>} added. PostgreSQL refuses payloads of 8000 bytes and
 * more: events say what changed, not everything there is to know.
 */
@ApplicationScoped
public class ProgressHub {

    static final String CHANNEL = "soundhub_progress";
    /** Carries no payload: "a job is due", so that idle instances poll now. */
    static final String JOBS_CHANNEL = "soundhub_jobs";
    private static final Logger log = LoggerFactory.getLogger(ProgressHub.class);
    /** Nulls are written, so that a page clears what a previous event set (a reason that no longer holds). */
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Resource(lookup = DataSources.DIRECT)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "soundhub.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "soundhub.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "soundhub.db.password")
    String password;

    @Inject
    Event<JobsDue> jobsDue;

    /** Some instance scheduled a job that is due now. */
    public record JobsDue() {
    }

    private final Map<String, Set<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread listener;

    /** Listens from start-up on, so that no event published meanwhile is missed by open pages. */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the event is enough: it creates this bean, whose @PostConstruct starts listening.
    }

    @PostConstruct
    void start() {
        running = true;
        listener = threadFactory.newThread(this::listen);
        listener.setName("soundhub-progress-listener");
        listener.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** An event as JSON, as it is published and as progress streams send it. */
    public static String json(Record event) {
        return JSON.toJson(event);
    }

    /** Publishes now, outside any transaction (progress percentages). */
    public void publish(String topic, Record event) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, envelope(topic, json(event)));
            notify.execute();
        } catch (SQLException e) {
            log.warn("Could not publish progress for {}: {}", topic, e.getMessage());
        }
    }

    /**
     * Publishes when the transaction of {@code em} commits, and not at all if it rolls back:
     * PostgreSQL delivers a NOTIFY only on commit. For state changes.
     */
    public void publishOnCommit(EntityManager em, String topic, Record event) {
        publishOnCommit(em, topic, json(event));
    }

    /** As {@link #publishOnCommit(EntityManager, String, Record)}, for an event that is JSON already. */
    public void publishOnCommit(EntityManager em, String topic, String eventJson) {
        em.createNativeQuery("SELECT pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, envelope(topic, eventJson))
                .getSingleResult();
    }

    /** Calls {@code subscriber} with each event of {@code topic} until the returned handle is closed. */
    public AutoCloseable subscribe(String topic, Consumer<String> subscriber) {
        subscribers.computeIfAbsent(topic, key -> new CopyOnWriteArraySet<>()).add(subscriber);
        return () -> subscribers.computeIfPresent(topic, (key, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    public int subscriberCount() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    static String envelope(String topic, String eventJson) {
        String body = eventJson.trim();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException("An event must be a JSON object");
        }
        String inner = body.substring(1, body.length() - 1).trim();
        String topicField = "\"topic\":\"" + topic.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return "{" + topicField + (inner.isEmpty() ? "" : "," + inner) + "}";
    }

    static String topicOf(String payload) {
        int start = payload.indexOf("\"topic\":\"");
        if (start < 0) {
            return null;
        }
        start += 9;
        int end = payload.indexOf('"', start);
        return end < 0 ? null : payload.substring(start, end);
    }

    private void listen() {
        long backoffMillis = 500;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + JOBS_CHANNEL);
                }
                backoffMillis = 500;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        if (JOBS_CHANNEL.equals(notification.getName())) {
                            jobsDue.fire(new JobsDue());
                        } else {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Progress listener lost its connection ({}); reconnecting", e.getMessage());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "soundhub-progress");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL URL: " + url);
        }
        return connection;
    }

    private void dispatch(String payload) {
        String topic = topicOf(payload);
        if (topic == null) {
            return;
        }
        Set<Consumer<String>> targets = subscribers.get(topic);
        if (targets == null) {
            return;
        }
        for (Consumer<String> target : targets) {
            try {
                target.accept(payload);
            } catch (RuntimeException e) {
                log.debug("A progress subscriber failed: {}", e.getMessage());
            }
        }
    }
}
