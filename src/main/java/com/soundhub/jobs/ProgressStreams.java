package com.soundhub.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open progress streams (Server-Sent Events) on this instance. Each stream subscribes to a topic
 * on the {@link ProgressHub} (fed by PostgreSQL NOTIFY from whichever instance does the work),
 * gets a comment every 15 seconds so proxies keep it open, and is closed when the work is finished
 * (an event with {@code "finished":true}), the client goes away, or after 30 minutes (the browser
 * reconnects). Every 15 seconds the status is also read again, so a notification lost on the way
 * (a listening connection that was being replaced, say) delays the end of a stream by at most that
 * long instead of leaving it open.
 */
@ApplicationScoped
public class ProgressStreams {

    private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);
    private static final long KEEP_ALIVE_SECONDS = 15;
    private static final long MAX_OPEN_SECONDS = 30 * 60;

    @Inject
    ProgressHub hub;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<SseEventSink, Stream> open = new ConcurrentHashMap<>();
    private ScheduledFuture<?> keepAlive;

    private record Stream(Sse sse, AutoCloseable subscription, Supplier<? extends Record> currentStatus, long openedAt) {
    }

    @PostConstruct
    void start() {
        keepAlive = scheduler.scheduleAtFixedRate(this::ping, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        open.keySet().forEach(this::close);
    }

    /**
     * Streams {@code topic}'s events to {@code sink}, starting with {@code currentStatus} (a record
     * with a {@code finished} field).
     */
    public void follow(String topic, Supplier<? extends Record> currentStatus, SseEventSink sink, Sse sse) {
        // Subscribe before reading the status, so that no change can fall between the two; changes
        // wait until the current status has gone out first, which also opens the response on the
        // request's own thread.
        CountDownLatch firstSent = new CountDownLatch(1);
        AutoCloseable subscription = hub.subscribe(topic, payload -> {
            awaitQuietly(firstSent);
            send(sink, sse, payload, payload.contains("\"finished\":true"));
        });
        open.put(sink, new Stream(sse, subscription, currentStatus, System.nanoTime()));
        try {
            String status = ProgressHub.json(currentStatus.get());
            send(sink, sse, status, status.contains("\"finished\":true"));
        } finally {
            firstSent.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int openStreams() {
        return open.size();
    }

    /** Sends one status event; the stream is closed after it when {@code last}, or when sending fails. */
    private void send(SseEventSink sink, Sse sse, String json, boolean last) {
        if (sink.isClosed()) {
            close(sink);
            return;
        }
        OutboundSseEvent event = sse.newEventBuilder().name("status").data(json).reconnectDelay(2000).build();
        sink.send(event).whenComplete((done, failure) -> {
            if (failure != null || last) {
                close(sink);
            }
        });
    }

    private void ping() {
        long now = System.nanoTime();
        open.forEach((sink, stream) -> {
            if (sink.isClosed() || TimeUnit.NANOSECONDS.toSeconds(now - stream.openedAt()) > MAX_OPEN_SECONDS) {
                close(sink);
                return;
            }
            String finished = finishedStatus(stream);
            if (finished != null) {
                send(sink, stream.sse(), finished, true);
                return;
            }
            sink.send(stream.sse().newEventBuilder().comment("keep-alive").build())
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            close(sink);
                        }
                    });
        });
    }

    /** The stream's status as JSON when its work has finished, or null while it goes on (or cannot be read). */
    private static String finishedStatus(Stream stream) {
        try {
            String status = ProgressHub.json(stream.currentStatus().get());
            return status.contains("\"finished\":true") ? status : null;
        } catch (RuntimeException e) {
            log.debug("Reading the status of an open progress stream failed: {}", e.getMessage());
            return null;
        }
    }

    private void close(SseEventSink sink) {
        Stream stream = open.remove(sink);
        if (stream != null) {
            try {
                stream.subscription().close();
            } catch (Exception e) {
                log.debug("Closing a progress subscription failed: {}", e.getMessage());
            }
        }
        try {
            sink.close();
        } catch (RuntimeException e) {
            log.debug("Closing a progress stream failed: {}", e.getMessage());
        }
    }
}
