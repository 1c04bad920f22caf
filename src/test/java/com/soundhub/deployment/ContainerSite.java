package com.soundhub.deployment;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The container's processes run natively: {@code docker/entrypoint.sh} renders nginx's
 * configuration and starts supervisord with {@code docker/supervisord.conf}, which runs nginx and
 * the application instances, exactly as in the image but with paths under {@code target/}. Needs
 * nginx, supervisord, envsubst and unzip; without them the tests are skipped, unless
 * {@code -Dsoundhub.deploy-checks=required} (CI) says they must run.
 */
final class ContainerSite implements AutoCloseable {

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final int nginxPort;
    final int managementPort;
    final int firstAppPort;
    final int instances;
    final Path runDir;
    final Path log;
    private final Process supervisord;
    private final Path supervisorConf;

    private ContainerSite(int nginxPort, int managementPort, int firstAppPort, int instances, Path runDir, Path log,
                          Process supervisord, Path supervisorConf) {
        this.nginxPort = nginxPort;
        this.managementPort = managementPort;
        this.firstAppPort = firstAppPort;
        this.instances = instances;
        this.runDir = runDir;
        this.log = log;
        this.supervisord = supervisord;
        this.supervisorConf = supervisorConf;
    }

    /** Skips (or fails, where required) when the tools of the image are not on this machine. */
    static Map<String, Path> requireTools() {
        Map<String, Path> tools = new java.util.HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("nginx", "supervisord", "supervisorctl", "envsubst", "unzip")) {
            Optional<Path> found = locate(tool);
            found.ifPresentOrElse(path -> tools.put(tool, path), () -> missing.add(tool));
        }
        if (!missing.isEmpty()) {
            String message = "Missing " + missing + " (apt-get install nginx supervisor gettext-base unzip)";
            if ("required".equals(System.getProperty("soundhub.deploy-checks"))) {
                throw new IllegalStateException("The container configuration must be tested, but: " + message);
            }
            Assumptions.abort(message + "; container configuration tests skipped");
        }
        return tools;
    }

    static Optional<Path> locate(String tool) {
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        folders.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        return folders.stream().filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Extracts the static files from the built WAR and starts supervisord with {@code instances} application instances. */
    static ContainerSite start(int instances, Map<String, String> appSettings) throws IOException, InterruptedException {
        Map<String, Path> tools = requireTools();
        Path project = Path.of("").toAbsolutePath();
        Path war = Path.of(System.getProperty("soundhub.it.war"));
        Path work = Path.of(System.getProperty("soundhub.it.work", "target/it-work")).toAbsolutePath().resolve("container");
        Path publicDir = work.resolve("public");
        Path runDir = work.resolve("run");
        Path log = work.resolve("supervisord.log");
        Files.createDirectories(work);
        run(List.of("bash", project.resolve("docker/extract-static.sh").toString(), war.toString(), publicDir.toString()),
                Map.of("PATH", pathWith(tools)));

        int nginxPort = freePort();
        int managementPort = freePort();
        int firstAppPort = freePorts(instances);
        ProcessBuilder builder = new ProcessBuilder("bash", project.resolve("docker/entrypoint.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("SOUNDHUB_"));
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("SOUNDHUB_")) {
                env.put(key, value);
            }
        });
        env.put("PATH", pathWith(tools));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SOUNDHUB_CONF_DIR", project.resolve("docker").toString());
        env.put("SOUNDHUB_BIN_DIR", project.resolve("docker").toString());
        env.put("SOUNDHUB_WAR", war.toString());
        env.put("SOUNDHUB_PAYARA_JAR", System.getProperty("payara.microJar"));
        env.put("SOUNDHUB_PUBLIC_DIR", publicDir.toString());
        env.put("SOUNDHUB_RUN_DIR", runDir.toString());
        env.put("NGINX_BIN", tools.get("nginx").toString());
        env.put("NGINX_PORT", String.valueOf(nginxPort));
        env.put("SOUNDHUB_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("SOUNDHUB_APP_PORT", String.valueOf(firstAppPort));
        env.put("SOUNDHUB_APP_INSTANCES", String.valueOf(instances));
        env.put("SOUNDHUB_JAVA_OPTS", "-Xmx640m -XX:+ExitOnOutOfMemoryError");
        env.putAll(appSettings);
        Process supervisord = builder.start();
        ContainerSite site = new ContainerSite(nginxPort, managementPort, firstAppPort, instances, runDir, log, supervisord,
                project.resolve("docker/supervisord.conf"));
        site.tools = tools;
        site.environment = Map.copyOf(env);
        return site;
    }

    private Map<String, Path> tools;
    private Map<String, String> environment;

    URI nginx() {
        return URI.create("http://localhost:" + nginxPort);
    }

    /** nginx's management port: metrics, health and OpenAPI for the private network. */
    URI management() {
        return URI.create("http://localhost:" + managementPort);
    }

    URI instance(int number) {
        return URI.create("http://localhost:" + (firstAppPort + number));
    }

    /** Waits until nginx answers and every instance is ready. */
    void awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < instances; i++) {
            awaitStatus(instance(i).resolve("/health/ready"), 200, deadline);
        }
        awaitStatus(nginx().resolve("/"), 200, deadline);
    }

    /** Polls {@code uri} until it answers {@code status}; returns how long that took. */
    Duration awaitStatus(URI uri, int status, long deadlineNanos) throws InterruptedException, IOException {
        long started = System.nanoTime();
        while (System.nanoTime() < deadlineNanos) {
            if (!supervisord.isAlive()) {
                throw new AssertionError("supervisord stopped:\n" + tail());
            }
            if (statusOf(uri, Duration.ofNanos(Math.max(deadlineNanos - System.nanoTime(), 1_000_000))) == status) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " did not answer " + status + " in time:\n" + tail());
    }

    /**
     * The status {@code uri} answers within {@code timeout}. A booting Payara accepts connections and
     * answers them only once it runs; a request given up meanwhile would be answered into a closed
     * connection, which it logs as an error with a stack trace. So the caller waits long enough.
     */
    static int statusOf(URI uri, Duration timeout) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** supervisorctl, with the same configuration supervisord runs with. */
    String supervisorctl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tools.get("supervisorctl").toString(), "-c", supervisorConf.toString()));
        command.addAll(List.of(arguments));
        return run(command, environment);
    }

    long pidOf(int instance) throws IOException, InterruptedException {
        return Long.parseLong(supervisorctl("pid", "app:app-" + instance).trim());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        supervisord.destroy();
        if (!supervisord.waitFor(90, TimeUnit.SECONDS)) {
            supervisord.destroyForcibly();
        }
    }

    private static String pathWith(Map<String, Path> tools) {
        StringBuilder path = new StringBuilder(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        tools.values().forEach(tool -> path.append(':').append(tool.getParent()));
        return path.toString();
    }

    private static String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The first of {@code count} consecutive free ports. */
    private static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = freePort();
            boolean allFree = true;
            for (int i = 1; i < count && allFree; i++) {
                try (ServerSocket ignored = new ServerSocket(first + i)) {
                    // free
                } catch (IOException taken) {
                    allFree = false;
                }
            }
            if (allFree && first + count < 65535) {
                return first;
            }
        }
        throw new IOException("No " + count + " consecutive free ports");
    }
}
