package com.soundhub.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Questions tests ask about processes of this machine. */
public final class Processes {

    private Processes() {
    }

    /**
     * Whether the process runs. A process that was killed but whose parent has not collected it yet
     * (a zombie) does not: it holds no memory, files or CPU any more.
     */
    public static boolean isRunning(long pid) {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // "pid (command) state ...": the command may contain spaces and parentheses.
            String afterCommand = stat.substring(stat.lastIndexOf(')') + 2);
            return afterCommand.charAt(0) != 'Z';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** Waits until none of {@code pids} runs; returns those still running after {@code timeout}. */
    public static List<Long> awaitGone(List<Long> pids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> running = pids;
        while (true) {
            running = running.stream().filter(Processes::isRunning).toList();
            if (running.isEmpty() || System.nanoTime() > deadline) {
                return running;
            }
            Thread.sleep(50);
        }
    }

    /** The full command line of a process, or "" when it cannot be read. */
    public static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElseGet(() -> {
            try {
                return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
            } catch (IOException | RuntimeException e) {
                return "";
            }
        });
    }
}
