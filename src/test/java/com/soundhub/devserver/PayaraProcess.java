package com.soundhub.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running the SoundHub WAR in a process of its own, configured through environment
 * variables as in production. Used by the local launcher and by tests that need a second instance.
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PayaraProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param environment SoundHub settings as environment variables (SOUNDHUB_DB_URL, ...)
     * @param log         where the server's output goes; null to share this process's console
     */
    public static PayaraProcess start(Path payaraJar, Path war, int port, List<String> jvmFlags,
                                      Map<String, String> environment, Path log) throws IOException {
        if (!Files.isRegularFile(payaraJar)) {
            throw new IllegalArgumentException("Payara Micro not found at " + payaraJar + " (run ./mvnw package first)");
        }
        if (!Files.isRegularFile(war)) {
            throw new IllegalArgumentException("WAR not found at " + war + " (run ./mvnw package first)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        Path trustStore = log == null ? Files.createTempFile("soundhub-truststore", ".p12")
                : log.toAbsolutePath().resolveSibling(log.getFileName() + ".truststore.p12");
        command.addAll(ValidTrustStore.write(trustStore));
        command.addAll(List.of("-jar", payaraJar.toAbsolutePath().toString()));
        // The server settings of every instance (docker/payara-pre-boot.txt), as in production.
        Path preBoot = Path.of(System.getProperty("soundhub.payara.preBoot", "docker/payara-pre-boot.txt"));
        if (Files.isRegularFile(preBoot)) {
            command.addAll(List.of("--prebootcommandfile", preBoot.toAbsolutePath().toString()));
        }
        command.addAll(List.of(
                "--nocluster",
                "--port", String.valueOf(port),
                "--deploy", war.toAbsolutePath().toString(),
                "--contextroot", "/"));
        ProcessBuilder builder = new ProcessBuilder(command);
        // Only the given settings: nothing inherited from this process may configure the instance.
        builder.environment().keySet().removeIf(key -> key.startsWith("SOUNDHUB_") || key.startsWith("RDS_")
                || key.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(environment);
        if (log == null) {
            builder.inheritIO();
        } else {
            Files.createDirectories(log.toAbsolutePath().getParent());
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        return new PayaraProcess(builder.start(), port, log);
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until SoundHub's readiness checks answer UP (database and storage reachable). Payara's
     * health endpoint exists even when the application failed to deploy, so the check insists on
     * SoundHub's own checks being in the answer.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with status " + process.exitValue());
            }
            // Payara accepts connections while it boots and answers them only once its container runs.
            // A probe given up meanwhile would be answered into a closed connection, which Payara logs
            // as an error with its stack trace; so each probe waits as long as the start may take.
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
            HttpRequest probe = HttpRequest.newBuilder(baseUri().resolve("/health/ready")).timeout(left).build();
            try {
                HttpResponse<String> answer = client.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"database\"")) {
                    return;
                }
                if (!answer.body().contains("\"database\"") && bootedWithoutSoundHub()) {
                    throw new IllegalStateException("Payara Micro started but SoundHub did not deploy; see " + log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("SoundHub was not ready within " + timeout.toSeconds() + " s");
    }

    /** Payara Micro says it is ready, with no application deployed. */
    private boolean bootedWithoutSoundHub() {
        if (log == null || !Files.exists(log)) {
            return false;
        }
        try {
            String text = Files.readString(log);
            int ready = text.lastIndexOf("\"Deployed\": [");
            return ready >= 0 && text.indexOf("]", ready) > 0
                    && text.substring(ready, text.indexOf("]", ready)).replaceAll("\\s", "").equals("\"Deployed\":[");
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server the way a process manager would: SIGTERM, then SIGKILL if it hangs. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Kills the server as a crash would (SIGKILL), for recovery tests. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
