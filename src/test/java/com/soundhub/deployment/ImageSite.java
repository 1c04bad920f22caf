package com.soundhub.deployment;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built image, run without a Docker engine: {@code buildah from} makes a working container of
 * it and {@code buildah run --isolation chroot} starts the image's own entrypoint in it, so its
 * files, its user, its supervisord, nginx and Java run, on the host's network (the image's ports are
 * set by its environment to free ones). The image is named by {@code -Dsoundhub.image}; without it
 * the tests are skipped, unless {@code -Dsoundhub.deploy-checks=required} (CI) says they must run.
 */
final class ImageSite implements AutoCloseable {

    static final String HOSTNAME = "soundhub-image";

    final String image;
    final String container;
    final Path buildah;
    final Path log;
    int nginxPort;
    int managementPort;
    int appPort;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Process run;

    private ImageSite(String image, String container, Path buildah, Path log) {
        this.image = image;
        this.container = container;
        this.buildah = buildah;
        this.log = log;
    }

    /** Why the image cannot be tested here, if it cannot. */
    static Optional<String> problem() {
        String image = System.getProperty("soundhub.image", "").trim();
        if (image.isEmpty()) {
            return Optional.of("No image to test: build one with docker/build-image.sh IMAGE and pass -Dsoundhub.image=IMAGE");
        }
        if (ContainerSite.locate("buildah").isEmpty()) {
            return Optional.of("The image " + image + " is to be tested, but buildah is missing (apt-get install buildah)");
        }
        return Optional.empty();
    }

    static boolean required() {
        return "required".equals(System.getProperty("soundhub.deploy-checks"));
    }

    /** The image to test, or a skip (a failure where required) saying how to get one. */
    static String requireImage() {
        problem().ifPresent(problem -> {
            if (required()) {
                throw new IllegalStateException("The image must be tested, but: " + problem);
            }
            Assumptions.abort(problem + "; image tests skipped");
        });
        return System.getProperty("soundhub.image").trim();
    }

    /**
     * Runs a test class only when there is an image to test, decided before any test infrastructure
     * starts: skipped with the reason, or failed where the image must be tested (CI).
     */
    static final class Wanted implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> problem = problem();
            if (problem.isEmpty()) {
                return ConditionEvaluationResult.enabled("testing the image " + System.getProperty("soundhub.image"));
            }
            if (required()) {
                throw new IllegalStateException("The image must be tested, but: " + problem.get());
            }
            return ConditionEvaluationResult.disabled(problem.get() + "; image tests skipped");
        }
    }

    /** A working container of the image (nothing runs in it yet). */
    static ImageSite create(Path work) throws IOException, InterruptedException {
        String image = requireImage();
        Path buildah = ContainerSite.locate("buildah").orElseThrow();
        Files.createDirectories(work);
        String name = "soundhub-imageit-" + UUID.randomUUID().toString().substring(0, 8);
        // The host's own open-files limit: buildah's default (1024) is below what nginx is configured
        // for, and a Docker engine gives containers far more.
        String openFiles = exec(List.of("sh", "-c", "ulimit -Hn"), Duration.ofSeconds(10)).trim();
        if (!openFiles.matches("\\d+")) {
            openFiles = "4096";
        }
        // The container's host name resolves, as in a Docker container (Payara looks its own up).
        String container = exec(List.of(buildah.toString(), "from", "--pull=never", "--name", name,
                "--ulimit", "nofile=" + openFiles + ":" + openFiles, "--add-host", HOSTNAME + ":127.0.0.1", image),
                Duration.ofMinutes(5)).trim();
        container = container.lines().reduce((first, last) -> last).orElse(name).trim();
        return new ImageSite(image, container, buildah, work.resolve("image.log"));
    }

    /** {@code buildah inspect} of the image: its configuration as built. */
    JsonObject imageConfig() throws IOException, InterruptedException {
        return parse(exec(List.of(buildah.toString(), "inspect", "--type", "image", image), Duration.ofMinutes(1)))
                .getJsonObject("OCIv1").getJsonObject("config");
    }

    /** The image's size in bytes: its layers, uncompressed, as a registry and a Docker engine store them. */
    long imageSize() throws IOException, InterruptedException {
        JsonObject inspected = parse(exec(List.of(buildah.toString(), "inspect", "--type", "image", image), Duration.ofMinutes(1)));
        return parse(inspected.getString("Manifest")).getJsonArray("layers").getValuesAs(JsonObject.class).stream()
                .mapToLong(layer -> layer.getJsonNumber("size").longValue()).sum();
    }

    /** The container's root file system, mounted on the host (read it, never write it). */
    Path root() throws IOException, InterruptedException {
        return Path.of(exec(List.of(buildah.toString(), "mount", container), Duration.ofMinutes(1)).trim());
    }

    /** Runs {@code command} in the container as the image's user, with the site's environment; returns its output. */
    String execInside(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(buildah.toString(), "run", "--isolation", "chroot", "--network", "host",
                "--hostname", HOSTNAME));
        environment.forEach((key, value) -> line.addAll(List.of("--env", key + "=" + value)));
        line.add(container);
        line.add("--");
        line.addAll(List.of(command));
        return exec(line, Duration.ofMinutes(2));
    }

    /**
     * Starts the image's entrypoint with {@code settings} added to its environment, nginx and the
     * application on free ports. buildah hands the process pipes that belong to root, which a process
     * of the image's user cannot open again as /dev/stdout (a Docker engine gives the pipes to the
     * container's user); so the entrypoint writes into a pipe of its own user's, which is passed on.
     */
    void start(Map<String, String> settings) throws IOException, InterruptedException {
        nginxPort = freePort();
        managementPort = freePort();
        appPort = freePort();
        environment.put("NGINX_PORT", String.valueOf(nginxPort));
        environment.put("SOUNDHUB_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("SOUNDHUB_APP_PORT", String.valueOf(appPort));
        environment.put("SOUNDHUB_JAVA_OPTS", "-Xmx1g -XX:+ExitOnOutOfMemoryError");
        environment.putAll(settings);
        // What supervisorctl needs to read supervisord.conf, as the entrypoint sets it.
        environment.putIfAbsent("SOUNDHUB_BIN_DIR", "/opt/soundhub/bin");
        environment.putIfAbsent("NGINX_BIN", "nginx");

        List<String> entrypoint = new ArrayList<>();
        imageConfig().getJsonArray("Entrypoint").getValuesAs(jakarta.json.JsonString.class)
                .forEach(part -> entrypoint.add(part.getString()));
        if (entrypoint.isEmpty()) {
            throw new AssertionError("The image " + image + " has no entrypoint");
        }
        List<String> line = new ArrayList<>(List.of(buildah.toString(), "run", "--isolation", "chroot", "--network", "host",
                "--hostname", HOSTNAME));
        environment.forEach((key, value) -> line.addAll(List.of("--env", key + "=" + value)));
        line.add(container);
        line.add("--");
        line.addAll(List.of("sh", "-c", "out=/tmp/soundhub-output; rm -f \"$out\"; mkfifo -m 600 \"$out\"; cat \"$out\" & "
                + "exec \"$@\" > \"$out\" 2>&1", "sh"));
        line.addAll(entrypoint);
        run = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    URI nginx() {
        return URI.create("http://localhost:" + nginxPort);
    }

    URI management() {
        return URI.create("http://localhost:" + managementPort);
    }

    URI app() {
        return URI.create("http://localhost:" + appPort);
    }

    /** Polls {@code uri} until it answers {@code status}; returns how long that took. */
    Duration awaitStatus(URI uri, int status, Duration timeout) throws InterruptedException, IOException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!run.isAlive()) {
                throw new AssertionError("The image's entrypoint stopped:\n" + tail());
            }
            if (ContainerSite.statusOf(uri, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000))) == status) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " did not answer " + status + " in time:\n" + tail());
    }

    /** A process of the container, as the host sees it. */
    record ContainerProcess(long pid, String name, List<String> userIds) {
    }

    /**
     * The processes the entrypoint started (supervisord, nginx, Java...), without buildah's own (whose
     * executables are buildah itself, re-run from memory under names that say so).
     */
    List<ContainerProcess> imageProcesses() {
        List<ContainerProcess> processes = new ArrayList<>();
        run.descendants().forEach(process -> {
            try {
                Path proc = Path.of("/proc", String.valueOf(process.pid()));
                String name = Files.readString(proc.resolve("comm")).trim();
                List<String> uids = Files.readAllLines(proc.resolve("status")).stream()
                        .filter(line -> line.startsWith("Uid:")).findFirst()
                        .map(line -> List.of(line.substring(4).trim().split("\\s+"))).orElse(List.of());
                if (!name.contains("buildah")) {
                    processes.add(new ContainerProcess(process.pid(), name, uids));
                }
            } catch (IOException ended) {
                // gone meanwhile
            }
        });
        return processes;
    }

    String supervisorctl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("supervisorctl", "-c", "/opt/soundhub/conf/supervisord.conf"));
        command.addAll(List.of(arguments));
        return execInside(command.toArray(String[]::new));
    }

    long appPid() throws IOException, InterruptedException {
        return Long.parseLong(supervisorctl("pid", "app:app-0").trim());
    }

    /** What the container wrote, with the JSON log lines' escaped slashes plain, so paths read as paths. */
    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).replace("\\/", "/") : "";
    }

    String tail() {
        try {
            List<String> lines = logText().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops supervisord as Docker would stop the container, then removes the working container. */
    @Override
    public void close() throws Exception {
        try {
            if (run != null && run.isAlive()) {
                List<ProcessHandle> processes = run.descendants().toList();
                try {
                    supervisorctl("shutdown");
                } catch (AssertionError | IOException e) {
                    System.out.println("[image] supervisorctl shutdown: " + e.getMessage());
                }
                if (!run.waitFor(60, TimeUnit.SECONDS)) {
                    run.destroy();
                    run.waitFor(10, TimeUnit.SECONDS);
                }
                // Whatever outlived it (buildah leaves a killed run's children behind) goes too.
                processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
                run.destroyForcibly();
            }
        } finally {
            exec(List.of(buildah.toString(), "umount", container), Duration.ofMinutes(1), false);
            exec(List.of(buildah.toString(), "rm", container), Duration.ofMinutes(1), false);
        }
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static String exec(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return exec(command, timeout, true);
    }

    /** Runs {@code command}; returns what it wrote to its standard output. */
    private static String exec(List<String> command, Duration timeout, boolean check) throws IOException, InterruptedException {
        Path output = Files.createTempFile("soundhub-image-", ".out");
        Path errors = Files.createTempFile("soundhub-image-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (check && (!finished || process.exitValue() != 0)) {
                throw new AssertionError(String.join(" ", command) + (finished ? " failed" : " timed out") + ":\n" + text
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
