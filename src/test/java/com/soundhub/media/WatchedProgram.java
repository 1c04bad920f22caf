package com.soundhub.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JVM for {@link WatchdogTest} to kill: it runs the program named by its arguments in a
 * {@link ProcessGroup} whose scratch folder is the first argument, prints the program's pid once it
 * runs, and waits. Run as {@code java -cp target/test-classes:target/classes}.
 */
public final class WatchedProgram {

    private WatchedProgram() {
    }

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        List<String> program = Arrays.asList(args).subList(1, args.length);
        String libraries = System.getenv().getOrDefault("LD_LIBRARY_PATH", "");
        Thread runner = new Thread(() -> {
            try {
                ExternalProcess.run(program, libraries.isEmpty() ? Map.of() : Map.of("LD_LIBRARY_PATH", libraries),
                        Duration.ofHours(1), line -> { }, new ProcessGroup(scratch));
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        runner.start();
        String name = Path.of(program.get(0)).getFileName().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> started = ProcessHandle.current().descendants()
                    .filter(process -> process.info().command().map(command -> command.endsWith("/" + name)).orElse(false))
                    .findFirst();
            if (started.isPresent()) {
                System.out.println("program " + started.get().pid());
                System.out.flush();
                break;
            }
            Thread.sleep(20);
        }
        runner.join();
    }
}
