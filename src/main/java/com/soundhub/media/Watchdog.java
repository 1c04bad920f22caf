package com.soundhub.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a program under a small {@code /bin/sh} script that outlives this JVM if it must. Java
 * runs no code after {@code kill -9}, so something outside the JVM has to notice its death: the
 * script holds the read end of a pipe whose write end only the JVM holds (the program's stdin,
 * never written to). When that pipe reaches end-of-file the JVM has died, or has closed it to
 * abandon the work, and the script kills the program and removes the work's scratch folder.
 * Otherwise it waits for the program and exits with its exit code. Needs nothing but a POSIX shell.
 */
final class Watchdog {

    /** How the script shows in {@code ps}: its {@code $0}. */
    static final String NAME = "soundhub-watchdog";

    /*
     * $1: the scratch folder to remove if the JVM dies ("" for none); the rest: the program.
     * A background list reads /dev/null as stdin in a non-interactive shell, so the pipe is passed
     * to the watcher as fd 3. The watcher ignores SIGTERM once the pipe has closed, so that the
     * script ending (the program was just killed) cannot interrupt the clean-up.
     */
    private static final String SCRIPT = """
            scratch=$1
            shift
            exec 3<&0
            "$@" 3<&- </dev/null &
            program=$!
            {
              while read -r _ <&3; do :; done
              trap '' TERM
              kill -KILL "$program"
              if [ -n "$scratch" ]; then rm -rf -- "$scratch"; fi
            } >/dev/null 2>&1 &
            watcher=$!
            exec 3<&-
            wait "$program"
            status=$?
            kill "$watcher" 2>/dev/null
            exit $status
            """;

    private Watchdog() {
    }

    /** The command line that runs {@code program} under the watchdog. */
    static List<String> command(List<String> program, Path scratch) {
        if (program.isEmpty()) {
            throw new IllegalArgumentException("No program to run");
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, NAME,
                scratch == null ? "" : scratch.toAbsolutePath().toString()));
        command.addAll(program);
        return command;
    }
}
