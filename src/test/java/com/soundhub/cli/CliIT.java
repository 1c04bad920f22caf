package com.soundhub.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.Projects;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line client against the real site: push, a push that sends nothing, checkout of only the changes. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class CliIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    @TempDir
    Path scratch;

    /** One run of the client with its own home folder; what it printed, and its exit code. */
    record Run(int exit, String out, String err) {
    }

    private Run cli(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(home, Map.of(), new java.io.ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String token(WebClient browser) {
        WebClient.Page page = browser.get("/settings/tokens");
        WebClient.Page created = browser.submit(page, "form.token-form", Map.of("name", "studio laptop", "scope", "write"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.document().selectFirst("input#new-token").val();
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aProducerPushesAFolderAndAnotherChecksOutOnlyWhatChanged() throws Exception {
        String site = Deployments.base(deployed).toString().replaceAll("/$", "");
        WebClient alice = new WebClient(Deployments.base(deployed));
        Members.signUp(alice, "cli");
        String project = new Projects(alice).create("Command line", "PRIVATE");
        Path home = Files.createDirectories(scratch.resolve("home"));
        Run login = cli(home, "login", site, "--token", token(alice));
        assertThat(login.exit()).as(login.err()).isZero();

        Path studio = Files.createDirectories(scratch.resolve("studio"));
        Run follow = cli(home, "checkout", site + "/projects/" + project, studio.toString());
        assertThat(follow.exit()).as(follow.err()).isZero();
        Files.createDirectories(studio.resolve("stems"));
        Files.write(studio.resolve("stems/drums.wav"), bytes(400_000, 1));
        Files.write(studio.resolve("stems/bass.wav"), bytes(300_000, 2));
        Files.writeString(studio.resolve("notes.txt"), "tempo 96\n");

        Run first = cli(home, "push", studio.toString(), "-m", "First stems");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("r1");

        Run again = cli(home, "push", studio.toString(), "-m", "Nothing new");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Nothing changed").doesNotContain("uploaded stems");

        // A second folder holds r1.
        Path other = scratch.resolve("other");
        Run checkout = cli(home, "checkout", project, other.toString());
        assertThat(checkout.exit()).as(checkout.err()).isZero();
        assertThat(Files.readAllBytes(other.resolve("stems/bass.wav"))).isEqualTo(bytes(300_000, 2));

        // The producer changes the bass, adds keys, drops the notes.
        Files.write(studio.resolve("stems/bass.wav"), bytes(310_000, 3));
        Files.write(studio.resolve("stems/keys.wav"), bytes(100_000, 4));
        Files.delete(studio.resolve("notes.txt"));
        Run second = cli(home, "push", studio.toString(), "-m", "New bass, keys");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("r2").contains("uploaded stems/bass.wav").contains("uploaded stems/keys.wav")
                .doesNotContain("uploaded stems/drums.wav");

        Run status = cli(home, "status", other.toString());
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("1 newer");

        // Only the changes travel to the other folder; the removed file goes.
        long drumsTime = Files.getLastModifiedTime(other.resolve("stems/drums.wav")).toMillis();
        Run update = cli(home, "checkout", project, other.toString());
        assertThat(update.exit()).as(update.err()).isZero();
        assertThat(Files.readAllBytes(other.resolve("stems/bass.wav"))).isEqualTo(bytes(310_000, 3));
        assertThat(Files.readAllBytes(other.resolve("stems/keys.wav"))).isEqualTo(bytes(100_000, 4));
        assertThat(other.resolve("notes.txt")).doesNotExist();
        assertThat(Files.getLastModifiedTime(other.resolve("stems/drums.wav")).toMillis()).as("untouched").isEqualTo(drumsTime);

        // A local edit is never overwritten without --force.
        Files.write(studio.resolve("stems/bass.wav"), bytes(320_000, 5));
        assertThat(cli(home, "push", studio.toString(), "-m", "Bass again").exit()).isZero();
        Files.write(other.resolve("stems/bass.wav"), bytes(1000, 6));
        Run refused = cli(home, "checkout", project, other.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("stems/bass.wav");
        assertThat(Files.readAllBytes(other.resolve("stems/bass.wav"))).isEqualTo(bytes(1000, 6));
        Run forced = cli(home, "checkout", project, other.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(other.resolve("stems/bass.wav"))).isEqualTo(bytes(320_000, 5));

        Run log = cli(home, "log", other.toString());
        assertThat(log.out()).contains("r3").contains("r2").contains("r1").contains("New bass, keys");
    }
}
