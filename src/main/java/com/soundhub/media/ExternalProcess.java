package com.soundhub.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a program to completion with a time limit, handing each stdout line to a consumer while it
 * runs and keeping the tail of stderr. Both pipes are always drained, so the program never blocks
 * on a full pipe, and memory stays bounded however much it prints. Every program runs under a
 * {@link Watchdog} in a {@link ProcessGroup}: it dies with this JVM, and with the work it was
 * started for.
 */
public final class ExternalProcess {

    /** How a run ended. */
    public record Result(int exitCode, List<String> stderrTail, int stderrLines) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static final int STDERR_TAIL = 400;

    private ExternalProcess() {
    }

    /** Runs a program on its own, outside any piece of work. */
    public static Result run(List<String> command, Map<String, String> environment, Duration timeout,
                             Consumer<String> stdoutLines) throws IOException, InterruptedException {
        try (ProcessGroup alone = new ProcessGroup()) {
            return run(command, environment, timeout, stdoutLines, alone);
        }
    }

    /** Runs a program as part of {@code group}: killing the group stops it. */
    public static Result run(List<String> command, Map<String, String> environment, Duration timeout,
                             Consumer<String> stdoutLines, ProcessGroup group) throws IOException, InterruptedException {
        Process process = group.start(command, environment);
        Deque<String> tail = new ArrayDeque<>();
        int[] stderrCount = {0};
        Thread stderrReader = new Thread(() -> drain(process.getErrorStream(), line -> {
            synchronized (tail) {
                stderrCount[0]++;
                tail.addLast(line);
                if (tail.size() > STDERR_TAIL) {
                    tail.removeFirst();
                }
            }
        }), "ffmpeg-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
        try {
            drain(process.getInputStream(), stdoutLines);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessGroup.stop(process);
                throw new IOException(command.get(0) + " took longer than " + timeout.toSeconds() + " s and was stopped");
            }
            stderrReader.join(5_000);
            synchronized (tail) {
                return new Result(process.exitValue(), List.copyOf(tail), stderrCount[0]);
            }
        } finally {
            if (process.isAlive()) {
                ProcessGroup.stop(process);
            }
            group.finished(process);
        }
    }

    private static void drain(InputStream stream, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException ignored) {
            // The process ended or was killed; what was read is all there is.
        }
    }
}
