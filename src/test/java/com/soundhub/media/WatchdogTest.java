package com.soundhub.media;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.soundhub.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Programs started by SoundHub end with the JVM that started them, however it ends, and with their work. */
class WatchdogTest {

    @TempDir
    Path temp;

    @Test
    void anFfmpegOfAJvmKilledWithSigkillIsKilledAndItsScratchFolderRemoved() throws Exception {
        Path scratch = Files.createDirectories(temp.resolve("run"));
        Files.writeString(scratch.resolve("partial.m4s"), "half a segment");
        String ffmpeg = MediaTools.bundledFfmpeg();
        // An hour of generated sound, read at its real pace: it would run for an hour.
        List<String> program = List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=3600", "-f", "null", "-");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "target/test-classes" + java.io.File.pathSeparator + "target/classes",
                WatchedProgram.class.getName(), scratch.toString()));
        command.addAll(program);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(MediaTools.environmentFor(ffmpeg, ffmpeg));
        Process jvm = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertThat(line).as("the JVM reports its ffmpeg").startsWith("program ");
            long ffmpegPid = Long.parseLong(line.substring("program ".length()).trim());
            Thread.sleep(300);
            assertThat(Processes.isRunning(ffmpegPid)).as("ffmpeg runs").isTrue();

            jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killedAt = System.nanoTime();

            assertThat(Processes.awaitGone(List.of(ffmpegPid), Duration.ofSeconds(5))).as("ffmpeg left running").isEmpty();
            System.out.printf("ffmpeg gone %d ms after its JVM was killed%n", (System.nanoTime() - killedAt) / 1_000_000);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (Files.exists(scratch) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(scratch).doesNotExist();
        } finally {
            jvm.destroyForcibly();
        }
    }

    @Test
    void aProgramThatEndsOnItsOwnGivesItsOutputAndExitCodeAndLeavesTheScratchFolder() throws Exception {
        Path scratch = Files.createDirectories(temp.resolve("kept"));
        List<String> lines = new ArrayList<>();

        ExternalProcess.Result result = ExternalProcess.run(List.of("/bin/sh", "-c", "echo one; echo two; echo oops >&2; exit 3"),
                Map.of(), Duration.ofSeconds(10), lines::add, new ProcessGroup(scratch));

        assertThat(lines).containsExactly("one", "two");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderrTail()).containsExactly("oops");
        assertThat(scratch).as("only a dead JVM's work is cleared away by the watchdog").exists();
        assertThat(ProcessHandle.current().children().filter(child -> Processes.commandLine(child).contains(Watchdog.NAME)))
                .as("no watchdog lingers").isEmpty();
    }

    @Test
    void killingTheGroupStopsItsProgramAtOnceAndStartsNoMore() throws Exception {
        ProcessGroup group = new ProcessGroup();
        long started = System.nanoTime();
        CompletableFuture<ExternalProcess.Result> running = CompletableFuture.supplyAsync(() -> {
            try {
                return ExternalProcess.run(List.of("sleep", "300"), Map.of(), Duration.ofMinutes(10), line -> { }, group);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Long> sleeps = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sleeps.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            sleeps = ProcessHandle.current().descendants()
                    .filter(process -> process.info().command().orElse("").endsWith("/sleep")).map(ProcessHandle::pid).toList();
        }
        assertThat(sleeps).hasSize(1);
        assertThat(group.running()).isEqualTo(1);

        group.kill();

        assertThat(running.get(5, TimeUnit.SECONDS).succeeded()).isFalse();
        assertThat(Processes.awaitGone(sleeps, Duration.ofSeconds(2))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExternalProcess.run(List.of("true"), Map.of(),
                Duration.ofSeconds(5), line -> { }, group)).hasMessageContaining("abandoned");
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
