package com.soundhub.cli;

import com.soundhub.projects.contents.ContentHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's commands in-process, against {@link FakeSite} (a stand-in that plays the API
 * contract), each with its own home folder.
 */
class CliFlowTest {

    @TempDir
    Path home;
    @TempDir
    Path work;

    FakeSite site;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void start() throws IOException {
        site = new FakeSite();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    int soundhubTyping(String stdin, String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        Cli cli = new Cli(home, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        cli.zone = ZoneOffset.UTC;
        cli.retryPause = Duration.ofMillis(1);
        int code = cli.execute(args);
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
        return code;
    }

    int soundhub(String... args) {
        return soundhubTyping("", args);
    }

    @Test
    void wrongCommandLinesExitWithTwo() {
        assertThat(soundhub()).isEqualTo(2);
        assertThat(soundhub("dance")).isEqualTo(2);
        assertThat(err).contains("Unknown command dance").contains("soundhub help");
        assertThat(soundhub("push", work.toString())).isEqualTo(2);
        assertThat(err).contains("needs a message");
        assertThat(soundhub("checkout", "42")).isEqualTo(2);
        assertThat(soundhub("checkout", "42", "a", "b")).isEqualTo(2);
        assertThat(soundhub("checkout", site.projectUrl(), work.toString(), "--rev", "latest")).isEqualTo(2);
        assertThat(soundhub("status", "--verbose")).isEqualTo(2);
        assertThat(soundhub("login", "ftp://example.org")).isEqualTo(2);
        assertThat(soundhub("help")).isZero();
        assertThat(out).contains("soundhub push [DIR] -m MESSAGE");
    }

    @Test
    void loginChecksTheTokenAndKeepsItForTheSiteOnly() throws IOException {
        assertThat(soundhub("login", site.site, "--token", "shp_wrong")).isEqualTo(1);
        assertThat(err).contains("Not logged in");
        assertThat(Files.exists(home.resolve(".soundhub/credentials"))).isFalse();

        assertThat(soundhubTyping(FakeSite.TOKEN + "\n", "login", site.site + "/")).isZero();
        assertThat(out).contains("as mina (scope write)");
        Path credentials = home.resolve(".soundhub/credentials");
        assertThat(Files.readString(credentials)).contains(site.site).contains(FakeSite.TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");

        assertThat(soundhub("logout")).isZero();
        assertThat(site.tokenRevoked).isTrue();
        assertThat(Files.readString(credentials)).doesNotContain(FakeSite.TOKEN);
    }

    @Test
    void checkoutPushStatusAndLogFollowTheContract() throws IOException {
        site.pushAs("alice", "first sketch", Map.of("mix.wav", bytes("mix v1"), "stems/bass.wav", bytes("bass v1"),
                "stems/old.wav", bytes("old")));
        login();
        Path dir = work.resolve("night drive");

        assertThat(soundhub("checkout", FakeSite.PROJECT, dir.toString())).isZero();
        assertThat(out).contains("Checked out r1").contains("3 files");
        assertThat(Files.readString(dir.resolve("stems/bass.wav"))).isEqualTo("bass v1");

        assertThat(soundhub("status", dir.toString())).isZero();
        assertThat(out).contains("at r1").contains("No local changes.").contains("Up to date");

        assertThat(soundhub("push", dir.toString(), "-m", "nothing")).isZero();
        assertThat(out).contains("Nothing changed since r1");
        assertThat(site.requests).noneMatch(request -> request.startsWith("POST") && request.contains("/pushes"));

        // A change, an addition in parts (one part failing until the upload resumes) and a removal.
        Files.writeString(dir.resolve("stems/bass.wav"), "bass v2, longer");
        byte[] pad = new byte[4321];
        new Random(1).nextBytes(pad);
        Files.write(dir.resolve("stems/pad.wav"), pad);
        site.failingParts.put(ContentHash.of(pad) + "/2", new AtomicInteger(5));
        Files.delete(dir.resolve("stems/old.wav"));

        assertThat(soundhub("status", dir.toString())).isZero();
        assertThat(out).contains("added     stems/pad.wav").contains("modified  stems/bass.wav")
                .contains("removed   stems/old.wav").contains("3 local changes");

        assertThat(soundhub("push", dir.toString(), "-m", "new bass")).as(err).isZero();
        assertThat(out).contains("uploaded stems/pad.wav").contains("uploaded stems/bass.wav")
                .contains("resuming stems/pad.wav: 1 part left")
                .contains("r2: 1 changed, 1 added, 1 removed, uploaded 4.3 kB of 4.3 kB");
        assertThat(site.requests).anyMatch(request -> request.equals("GET /api/v1/projects/42/pushes/1/contents/" + ContentHash.of(pad)));
        assertThat(site.files(2).keySet()).containsExactlyInAnyOrder("mix.wav", "stems/bass.wav", "stems/pad.wav");
        assertThat(site.files(2).get("stems/pad.wav")).isEqualTo(pad);
        assertThat(State.load(dir).revision).isEqualTo(2);

        assertThat(soundhub("status", dir.toString())).isZero();
        assertThat(out).contains("No local changes.").contains("Up to date with the project (r2)");

        assertThat(soundhub("log", dir.toString())).isZero();
        assertThat(out.lines()).containsExactly(
                "r2  mina   2026-12-06 20:32  new bass (+1 ~1 -1)",
                "r1  alice  2026-12-06 20:31  first sketch (+3 ~0 -0)");
    }

    @Test
    void aPushOntoANewerRevisionIsRebasedAndTheNextCheckoutBringsTheRest() throws IOException {
        site.pushAs("alice", "first sketch", Map.of("mix.wav", bytes("mix v1"), "bass.wav", bytes("bass v1")));
        login();
        Path dir = work.resolve("project");
        assertThat(soundhub("checkout", site.projectUrl(), dir.toString())).isZero();

        site.pushAs("alice", "new mix", Map.of("mix.wav", bytes("mix v2")));
        Files.writeString(dir.resolve("bass.wav"), "bass v2 by mina");

        assertThat(soundhub("status", dir.toString())).isZero();
        assertThat(out).contains("modified  bass.wav").contains("The project is at r2: 1 newer revision");

        assertThat(soundhub("push", dir.toString(), "-m", "my bass")).as(err).isZero();
        assertThat(out).contains("r3: 1 changed").contains("rebased onto r2 (alice's push)").contains("stays at r1");
        State state = State.load(dir);
        assertThat(state.revision).isEqualTo(1);
        assertThat(state.files.get("bass.wav").hash()).isEqualTo(ContentHash.of(bytes("bass v2 by mina")));
        assertThat(soundhub("status", dir.toString())).isZero();
        assertThat(out).contains("No local changes.").contains("2 newer revisions");

        assertThat(soundhub("checkout", site.projectUrl(), dir.toString())).as(err).isZero();
        assertThat(out).contains("from r1 to r3").contains("1 written").contains("1 already up to date");
        assertThat(Files.readString(dir.resolve("mix.wav"))).isEqualTo("mix v2");
        assertThat(Files.readString(dir.resolve("bass.wav"))).isEqualTo("bass v2 by mina");
        assertThat(State.load(dir).revision).isEqualTo(3);
    }

    @Test
    void aCheckoutNeverOverwritesLocalEditsWithoutForce() throws IOException {
        site.pushAs("alice", "first", Map.of("bass.wav", bytes("bass v1"), "keys.wav", bytes("keys v1")));
        login();
        Path dir = work.resolve("project");
        assertThat(soundhub("checkout", FakeSite.PROJECT, "--rev", "1", dir.toString())).isZero();
        site.pushAs("alice", "second", Map.of("bass.wav", bytes("bass v2"), "keys.wav", bytes("keys v2")));
        Files.writeString(dir.resolve("bass.wav"), "my bass");

        assertThat(soundhub("checkout", FakeSite.PROJECT, dir.toString())).isEqualTo(1);
        assertThat(err).contains("nothing was written").contains("bass.wav");
        assertThat(Files.readString(dir.resolve("bass.wav"))).isEqualTo("my bass");
        assertThat(Files.readString(dir.resolve("keys.wav"))).isEqualTo("keys v1");

        assertThat(soundhub("checkout", FakeSite.PROJECT, dir.toString(), "--force")).isZero();
        assertThat(Files.readString(dir.resolve("bass.wav"))).isEqualTo("bass v2");

        Path other = work.resolve("not-empty");
        Files.createDirectories(other);
        Files.writeString(other.resolve("mine.wav"), "mine");
        assertThat(soundhub("checkout", FakeSite.PROJECT, other.toString())).isEqualTo(1);
        assertThat(err).contains("not empty");
    }

    @Test
    void aFolderJoinsAnEmptyProjectAndPushesItsFiles() throws IOException {
        login();
        Path dir = work.resolve("stems");
        Files.createDirectories(dir.resolve("drums"));
        Files.writeString(dir.resolve("drums/kick.wav"), "kick");
        Files.writeString(dir.resolve("drums/kick copy.wav"), "kick");

        assertThat(soundhub("checkout", FakeSite.PROJECT, dir.toString())).isZero();
        assertThat(out).contains("no revision yet");
        assertThat(soundhub("push", dir.toString(), "-m", "first")).as(err).isZero();
        assertThat(out).contains("r1: 2 added, uploaded 4 B of 8 B");
        assertThat(site.files(1).keySet()).containsExactlyInAnyOrder("drums/kick.wav", "drums/kick copy.wav");
    }

    @Test
    void theSitesErrorsArePrintedPlainlyNamingFiles() throws IOException {
        login();
        Path dir = work.resolve("p");
        assertThat(soundhub("checkout", site.site + "/projects/99", dir.toString())).isEqualTo(1);
        assertThat(err).contains("Not found: No such project");

        assertThat(soundhub("checkout", FakeSite.PROJECT, dir.toString())).isZero();
        Files.writeString(dir.resolve("a.wav"), "a");
        site.corruptUploads = true;
        assertThat(soundhub("push", dir.toString(), "-m", "broken")).isEqualTo(1);
        assertThat(err).contains("Not pushed: 1 of 1 files").contains("a.wav: The site answered 422: The uploaded content does not match")
                .contains(ContentHash.of(bytes("a")) + ": size or hash differ");
        assertThat(site.head()).isZero();
        assertThat(State.load(dir).files).isEmpty();
    }

    @Test
    void theTokenFromTheEnvironmentIsUsedWithoutLoggingIn() throws IOException {
        site.pushAs("alice", "first", Map.of("a.wav", bytes("a")));
        Path dir = work.resolve("ci");
        assertThat(soundhub("checkout", site.projectUrl(), dir.toString())).isEqualTo(1);
        assertThat(err).contains("Not logged in to " + site.site);
        assertThat(soundhub("checkout", FakeSite.PROJECT, dir.toString())).isEqualTo(1);
        assertThat(err).contains("on which site");

        env.put("SOUNDHUB_TOKEN", FakeSite.TOKEN);
        assertThat(soundhub("checkout", site.projectUrl(), dir.toString())).as(err).isZero();
        Files.setLastModifiedTime(dir.resolve("a.wav"), FileTime.fromMillis(0));
        assertThat(soundhub("status", dir.toString())).isZero();
        assertThat(out).contains("No local changes");
    }

    private void login() {
        assertThat(soundhub("login", site.site, "--token", FakeSite.TOKEN)).as(err).isZero();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
