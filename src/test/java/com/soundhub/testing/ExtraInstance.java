package com.soundhub.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.soundhub.devserver.PayaraProcess;

/**
 * Another Payara Micro running the same WAR against the same database and bucket as the
 * Arquillian-managed one, as a second instance behind a load balancer would.
 */
public final class ExtraInstance {

    private ExtraInstance() {
    }

    /** Starts an instance configured like the test instance, with {@code adjust} applied to its environment. */
    public static PayaraProcess start(String name, Consumer<Map<String, String>> adjust) throws IOException {
        Map<String, String> environment = new HashMap<>();
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("SOUNDHUB_")) {
                environment.put(key, value);
            }
        });
        adjust.accept(environment);
        Path work = Path.of(System.getProperty("soundhub.it.work", "target/it-work"));
        Path log = work.resolve("logs").resolve(name + ".log");
        Files.deleteIfExists(log);
        return PayaraProcess.start(
                Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("soundhub.it.war")),
                freePort(),
                List.of("-Xmx768m", "-Dfile.encoding=UTF-8", "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED"),
                environment,
                log);
    }

    public static Path logOf(String name) {
        return Path.of(System.getProperty("soundhub.it.work", "target/it-work")).resolve("logs").resolve(name + ".log");
    }

    /** Waits until the instance has finished booting (whether or not SoundHub deployed). */
    public static String awaitBootLog(String name, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = logOf(name);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                String text = Files.readString(log);
                if (text.contains("Payara Micro") && text.contains("ready in")) {
                    return text;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Instance " + name + " did not finish booting");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
