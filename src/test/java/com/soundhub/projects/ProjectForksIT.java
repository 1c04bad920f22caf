package com.soundhub.projects;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.soundhub.projects.contents.ContentHash;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.Projects;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Forks over HTTP: a fork's r1 is its source's revision without a byte copied, licences that forbid or loosen, lineage. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class ProjectForksIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    WebClient anonymous;

    /** Contents are shared by every project on the site: this run's bytes are its own. */
    private static final long RUN = System.nanoTime();

    @BeforeEach
    void openBrowser() {
        anonymous = new WebClient(Deployments.base(deployed));
    }

    private Projects member(String prefix) {
        WebClient browser = anonymous.stranger();
        Members.signUp(browser, prefix);
        return new Projects(browser);
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(RUN * 31 + seed).nextBytes(bytes);
        return bytes;
    }

    private static Map<String, byte[]> files(Object... pathsAndBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndBytes.length; i += 2) {
            files.put((String) pathsAndBytes[i], (byte[]) pathsAndBytes[i + 1]);
        }
        return files;
    }

    private static WebClient.Page fork(Projects who, String project, JsonObject body) {
        return who.post("/api/v1/projects/" + project + "/forks", body);
    }

    @Test
    void aForkHoldsTheSourceRevisionWithoutCopyingAByteAndOutlivesIt() {
        Projects alice = member("source");
        String source = alice.create("Harbour Lights", "PUBLIC", "CC_BY");
        byte[] drums = bytes(120_000, 1);
        byte[] bass = bytes(80_000, 2);
        byte[] newBass = bytes(90_000, 3);
        alice.push(source, 0, files("stems/drums.wav", drums, "stems/bass.wav", bass), true, "First stems");
        alice.push(source, 1, files("stems/drums.wav", drums, "stems/bass.wav", newBass), true, "New bass");

        Projects bob = member("forker");
        WebClient.Page forked = fork(bob, source, Json.createObjectBuilder().add("title", "Harbour Lights, slower")
                .add("revision", 1).add("license", "CC_BY_NC").build());
        assertThat(forked.status()).as(forked.body()).isEqualTo(201);
        JsonObject fork = Projects.json(forked.body());
        String forkId = fork.getString("id");
        assertThat(forkId).isNotEqualTo(source);
        assertThat(fork.getInt("head")).isEqualTo(1);
        assertThat(fork.getString("role")).isEqualTo("OWNER");
        assertThat(fork.getString("license")).isEqualTo("CC_BY_NC");
        assertThat(fork.getJsonObject("forkedFrom").getString("id")).isEqualTo(source);
        assertThat(fork.getJsonObject("forkedFrom").getInt("revision")).isEqualTo(1);

        // r1 of the fork is r1 of the source: the same contents, and not a byte sent for it.
        assertThat(bob.uploadedBytes()).isZero();
        JsonObject r1 = bob.getJson("/api/v1/projects/" + forkId + "/revisions/1");
        assertThat(r1.getString("message")).isEqualTo("Forked from \u201cHarbour Lights\u201d r1");
        assertThat(r1.getJsonArray("files")).extracting(file -> file.asJsonObject().getString("path") + "=" + file.asJsonObject().getString("hash"))
                .containsExactly("stems/bass.wav=" + ContentHash.of(bass), "stems/drums.wav=" + ContentHash.of(drums));
        Map<String, byte[]> zip = bob.zip("/api/v1/projects/" + forkId + "/revisions/1/zip");
        assertThat(zip.get("stems/bass.wav")).isEqualTo(bass);
        assertThat(zip.get("stems/drums.wav")).isEqualTo(drums);

        // Both sides say so.
        WebClient.Page forkPage = bob.client().get("/projects/" + forkId);
        assertThat(forkPage.text("[data-forked-from]")).contains("Forked from Harbour Lights r1");
        assertThat(forkPage.document().selectFirst("[data-forked-from] a").attr("href")).isEqualTo("/projects/" + source);
        WebClient.Page sourcePage = anonymous.get("/projects/" + source);
        assertThat(sourcePage.text("[data-fork-count]")).isEqualTo("1");
        List<String> lineage = anonymous.get("/projects/" + source + "/lineage").document().select("[data-lineage] li").eachAttr("class");
        assertThat(lineage).containsExactly("lineage-node depth-0 current", "lineage-node depth-1");
        assertThat(anonymous.get("/projects/" + forkId + "/lineage").text("[data-lineage] li.depth-1"))
                .contains("Harbour Lights, slower").contains("forked at r1").contains("CC BY-NC 4.0");
        assertThat(alice.getJson("/api/v1/projects/" + source).getString("title")).isEqualTo("Harbour Lights");
        assertThat(alice.getJson("/api/v1/projects/" + source + "/lineage").getJsonArray("projects"))
                .extracting(node -> node.asJsonObject().getString("id") + "@" + node.asJsonObject().getInt("depth"))
                .containsExactly(source + "@0", forkId + "@1");

        // The fork goes its own way; the source does not move.
        byte[] keys = bytes(40_000, 4);
        JsonObject pushed = bob.push(forkId, 1, files("stems/drums.wav", drums, "stems/bass.wav", bass, "stems/keys.wav", keys),
                true, "Keys");
        assertThat(pushed.getInt("revision")).isEqualTo(2);
        assertThat(bob.uploadedBytes()).as("only the new file").isEqualTo(keys.length);
        assertThat(alice.getJson("/api/v1/projects/" + source).getInt("head")).isEqualTo(2);

        // The source is deleted: the fork keeps every byte it holds.
        WebClient.Page deleted = alice.client().submit(alice.client().get("/projects/" + source + "/settings"), "form.delete-form",
                Map.of("confirmation", "Harbour Lights"));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(TestInfrastructure.storage().describe("projects/contents/" + ContentHash.of(bass))).isPresent();
        assertThat(TestInfrastructure.storage().describe("projects/contents/" + ContentHash.of(newBass)))
                .as("held by the deleted source alone").isEmpty();
        assertThat(bob.zip("/api/v1/projects/" + forkId + "/revisions/1/zip").get("stems/bass.wav")).isEqualTo(bass);
        assertThat(bob.client().get("/projects/" + forkId).text("[data-forked-from]"))
                .contains("Forked at r1 from a project that is not public or no longer exists");
        assertThat(bob.getJson("/api/v1/projects/" + forkId).getJsonObject("forkedFrom").containsKey("id")).isFalse();
    }

    @Test
    void projectsWhoseLicenceForbidsDerivativesAreNotForkedAndSayWhy() {
        Projects alice = member("strict");
        String noDerivatives = alice.create("Untouchable", "PUBLIC", "CC_BY_ND");
        String allRights = alice.create("Mine alone", "PUBLIC", "ALL_RIGHTS_RESERVED");
        String secret = alice.create("Secret", "PRIVATE", "CC_BY");
        for (String project : List.of(noDerivatives, allRights, secret)) {
            alice.push(project, 0, files("a.txt", ("a " + RUN + project).getBytes(StandardCharsets.UTF_8)), true, "A");
        }

        Projects bob = member("hopeful");
        WebClient.Page nd = fork(bob, noDerivatives, JsonValue.EMPTY_JSON_OBJECT);
        assertThat(nd.status()).isEqualTo(409);
        assertThat(Projects.json(nd.body()).getString("error")).contains("allows no derivative works");
        WebClient.Page arr = fork(bob, allRights, JsonValue.EMPTY_JSON_OBJECT);
        assertThat(arr.status()).isEqualTo(409);
        assertThat(Projects.json(arr.body()).getString("error")).contains("all rights reserved");

        // The page says why instead of offering a form, and the project page offers no fork button.
        WebClient.Page page = bob.client().get("/projects/" + noDerivatives + "/fork");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("[data-not-forkable]")).contains("allows no derivative works");
        assertThat(page.document().select("form[data-fork-form]")).isEmpty();
        assertThat(bob.client().get("/projects/" + noDerivatives).document().select("[data-fork-button]")).isEmpty();
        WebClient.Page posted = bob.client().post("/projects/" + noDerivatives + "/fork", Map.of("_csrf", page.csrfToken(),
                "title", "Touched", "revision", "1", "license", "CC_BY_ND", "visibility", "PUBLIC"));
        assertThat(posted.status()).isEqualTo(422);
        assertThat(posted.text("[data-not-forkable]")).contains("allows no derivative works");
        assertThat(bob.getJson("/api/v1/projects").getJsonArray("projects")).as("nothing made").isEmpty();

        // A private project does not exist for a stranger, whichever way they ask.
        assertThat(fork(bob, secret, JsonValue.EMPTY_JSON_OBJECT).status()).isEqualTo(404);
        assertThat(bob.client().get("/projects/" + secret + "/fork").status()).isEqualTo(404);
        assertThat(bob.client().get("/projects/" + secret + "/lineage").status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/projects/" + secret + "/lineage").status()).isEqualTo(404);
        // And a visitor is asked to sign in first.
        assertThat(anonymous.stranger().get("/projects/" + noDerivatives + "/fork").location()).startsWith("/signin");
    }

    @Test
    void aForkKeepsItsSourcesTermsAndCannotLoosenThemLater() {
        Projects alice = member("sharer");
        String shareAlike = alice.create("Pass it on", "PUBLIC", "CC_BY_SA");
        alice.push(shareAlike, 0, files("a.txt", ("sa " + RUN).getBytes(StandardCharsets.UTF_8)), true, "A");
        Projects bob = member("looser");

        WebClient.Page loosened = fork(bob, shareAlike, Json.createObjectBuilder().add("license", "CC_BY").build());
        assertThat(loosened.status()).isEqualTo(422);
        assertThat(Projects.json(loosened.body()).getJsonObject("fields").getJsonArray("license").getString(0)).contains("share-alike");

        // The form offers only what keeps the terms, and keeps what was typed when refused.
        WebClient.Page form = bob.client().get("/projects/" + shareAlike + "/fork");
        assertThat(form.document().select("select#license option").eachAttr("value")).containsExactly("CC_BY_SA");
        WebClient.Page refused = bob.client().submit(form, "form[data-fork-form]", Map.of("title", "My own take", "license", "CC_BY",
                "revision", "7"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().selectFirst("input[name=title]").val()).isEqualTo("My own take");
        Element revisionHelp = refused.document().selectFirst("#revision-help");
        Element licenseHelp = refused.document().selectFirst("#license-help");
        assertThat(revisionHelp == null ? licenseHelp.text() : revisionHelp.text()).isNotBlank();

        WebClient.Page made = bob.client().submit(form, "form[data-fork-form]", Map.of("title", "My own take"));
        assertThat(made.status()).isEqualTo(303);
        String forkId = made.location().replaceFirst(".*/projects/", "");
        assertThat(bob.getJson("/api/v1/projects/" + forkId).getString("license")).isEqualTo("CC_BY_SA");

        // Later, in the fork's settings: still refused.
        WebClient.Page settings = bob.client().get("/projects/" + forkId + "/settings");
        WebClient.Page changed = bob.client().submit(settings, "form.project-form", Map.of("license", "CC_BY"));
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.text("#license-help")).contains("share-alike");
        assertThat(bob.getJson("/api/v1/projects/" + forkId).getString("license")).isEqualTo("CC_BY_SA");

        // Non-commercial stays non-commercial; a revision that does not exist is named.
        String nonCommercial = alice.create("Not for sale", "UNLISTED", "CC_BY_NC");
        alice.push(nonCommercial, 0, files("b.txt", ("nc " + RUN).getBytes(StandardCharsets.UTF_8)), true, "B");
        WebClient.Page commercial = fork(bob, nonCommercial, Json.createObjectBuilder().add("license", "CC_BY").build());
        assertThat(commercial.status()).isEqualTo(422);
        assertThat(Projects.json(commercial.body()).getJsonObject("fields").getJsonArray("license").getString(0)).contains("loosen");
        WebClient.Page missing = fork(bob, nonCommercial, Json.createObjectBuilder().add("revision", 9).build());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(Projects.json(missing.body()).getJsonObject("fields").getJsonArray("revision").getString(0)).contains("r9");
        WebClient.Page allowed = fork(bob, nonCommercial, Json.createObjectBuilder().add("license", "CC_BY_NC_SA")
                .add("visibility", "PRIVATE").build());
        assertThat(allowed.status()).isEqualTo(201);
        // An unlisted source is shown only to its members: the fork names the revision, not the way to it.
        JsonObject origin = Projects.json(allowed.body()).getJsonObject("forkedFrom");
        assertThat(origin.getInt("revision")).isEqualTo(1);
        assertThat(origin.containsKey("id")).isFalse();
    }
}
