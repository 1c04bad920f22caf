package com.soundhub.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The programs started for one piece of work. Each runs under a {@link Watchdog}, so none outlives
 * this JVM; {@link #kill()} (or closing the group) stops those still running, so none outlives the
 * work either when it is abandoned. A group that was killed starts nothing more.
 */
public final class ProcessGroup implements AutoCloseable {

    private final Path scratch;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean killed;

    /**
     * @param scratch the work's folder, removed by the watchdogs if this JVM dies while a program
     *                runs; null when there is none
     */
    public ProcessGroup(Path scratch) {
        this.scratch = scratch;
    }

    /** A group without a scratch folder. */
    public ProcessGroup() {
        this(null);
    }

    Process start(List<String> command, Map<String, String> environment) throws IOException {
        if (killed) {
            throw new IOException("Not starting " + command.get(0) + ": the work was abandoned");
        }
        ProcessBuilder builder = new ProcessBuilder(Watchdog.command(command, scratch));
        builder.environment().putAll(environment);
        // stdin stays a pipe from this JVM, open until the program ends: the watchdog's lifeline.
        Process process = builder.start();
        running.add(process);
        if (killed) {
            stop(process);
        }
        return process;
    }

    void finished(Process process) {
        running.remove(process);
        closeLifeline(process);
    }

    /** Stops every program still running, and refuses to start new ones. */
    public void kill() {
        killed = true;
        running.forEach(ProcessGroup::stop);
    }

    public boolean isKilled() {
        return killed;
    }

    /** How many programs run now. */
    public int running() {
        return (int) running.stream().filter(Process::isAlive).count();
    }

    @Override
    public void close() {
        kill();
    }

    /**
     * Stops a watchdog and its program. Closing the lifeline alone would do (the watchdog kills the
     * program), but killing the program directly does not wait for the shell to notice.
     */
    static void stop(Process process) {
        List<ProcessHandle> program = process.descendants().toList();
        closeLifeline(process);
        program.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void closeLifeline(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed, or the watchdog is gone: either way the lifeline is cut.
        }
    }
}
