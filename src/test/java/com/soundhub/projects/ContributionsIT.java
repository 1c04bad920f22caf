package com.soundhub.projects;

import java.net.URL;
import java.nio.charset.StandardCharsets;
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

import static com.soundhub.testing.Projects.files;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members from outside a project, over HTTP. Forks: a fork's r1 is its source's revision without a
 * byte copied, licences that forbid or loosen, lineage. Proposals: a take offered by a non-member,
 * accepted as the proposer's revision or declined, and bad input.
 */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class ContributionsIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    WebClient anonymous;

    /** Contents are shared by every project on the site: this run's bytes are its own. */
    private static final long RUN = System.nanoTime();

    record Person(String nickname, Projects api) {

        WebClient browser() {
            return api.client();
        }
    }

    @BeforeEach
    void openBrowser() {
        anonymous = new WebClient(Deployments.base(deployed));
    }

    private Person member(String prefix) {
        WebClient browser = anonymous.stranger();
        String nickname = Members.signUp(browser, prefix);
        return new Person(nickname, new Projects(browser));
    }

    private Projects api(String prefix) {
        return member(prefix).api();
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(RUN * 31 + seed).nextBytes(bytes);
        return bytes;
    }

    private static WebClient.Page fork(Projects who, String project, JsonObject body) {
        return who.post("/api/v1/projects/" + project + "/forks", body);
    }

    private static String proposals(String project) {
        return "/api/v1/projects/" + project + "/proposals";
    }

    // Forks ------------------------------------------------------------------------------------

    @Test
    void aForkHoldsTheSourceRevisionWithoutCopyingAByteAndOutlivesIt() {
        Projects alice = api("source");
        String source = alice.create("Harbour Lights", "PUBLIC", "CC_BY");
        byte[] drums = bytes(120_000, 1);
        byte[] bass = bytes(80_000, 2);
        byte[] newBass = bytes(90_000, 3);
        alice.push(source, 0, files("stems/drums.wav", drums, "stems/bass.wav", bass), true, "First stems");
        alice.push(source, 1, files("stems/drums.wav", drums, "stems/bass.wav", newBass), true, "New bass");

        Projects bob = api("forker");
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
        Projects alice = api("strict");
        String noDerivatives = alice.create("Untouchable", "PUBLIC", "CC_BY_ND");
        String allRights = alice.create("Mine alone", "PUBLIC", "ALL_RIGHTS_RESERVED");
        String secret = alice.create("Secret", "PRIVATE", "CC_BY");
        for (String project : List.of(noDerivatives, allRights, secret)) {
            alice.push(project, 0, files("a.txt", ("a " + RUN + project).getBytes(StandardCharsets.UTF_8)), true, "A");
        }

        Projects bob = api("hopeful");
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
        Projects alice = api("sharer");
        String shareAlike = alice.create("Pass it on", "PUBLIC", "CC_BY_SA");
        alice.push(shareAlike, 0, files("a.txt", ("sa " + RUN).getBytes(StandardCharsets.UTF_8)), true, "A");
        Projects bob = api("looser");

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

    // Proposals --------------------------------------------------------------------------------

    @Test
    void aTakeFromANonMemberIsAcceptedAsTheirRevisionReplayedOntoTheNewestOne() {
        Person alice = member("owner");
        String project = alice.api().create("Late Train", "PUBLIC");
        byte[] drums = bytes(60_000, 1001);
        alice.api().push(project, 0, files("stems/drums.wav", drums), true, "Drums");

        Person jun = member("bassist");
        byte[] bass = bytes(50_000, 1002);
        JsonObject proposal = jun.api().propose(project, 1, files("stems/bass-jun.wav", bass), "A walking bass line");
        assertThat(proposal.getInt("number")).isEqualTo(1);
        assertThat(proposal.getString("state")).isEqualTo("OPEN");
        assertThat(proposal.getString("proposer")).isEqualTo(jun.nickname());
        assertThat(alice.api().getJson("/api/v1/projects/" + project).getInt("head")).as("nothing changes yet").isEqualTo(1);

        // The owner is told, and the proposal reads as the take with its note.
        WebClient.Page notifications = alice.browser().get("/notifications");
        assertThat(notifications.body()).contains(jun.nickname()).contains("proposed a take to").contains("Late Train");
        JsonObject read = alice.api().getJson(proposals(project) + "/1");
        assertThat(read.getString("note")).isEqualTo("A walking bass line");
        assertThat(read.getJsonArray("files")).extracting(file -> file.asJsonObject().getString("path"))
                .containsExactly("stems/bass-jun.wav");
        WebClient.Page page = alice.browser().get("/projects/" + project + "/proposals/1");
        assertThat(page.text("[data-proposal-note]")).isEqualTo("A walking bass line");
        // Below the take, the mixer plays it over the project's mix, the take marked; nothing to save or bounce there.
        assertThat(page.document().select("#mixer .mixer-track").eachAttr("data-path"))
                .containsExactly("stems/bass-jun.wav", "stems/drums.wav");
        assertThat(page.document().select("#mixer .mixer-track:has([data-take])").eachAttr("data-path")).containsExactly("stems/bass-jun.wav");
        assertThat(page.document().select("#mixer form")).isEmpty();
        assertThat(page.document().select("form[data-accept-form]")).hasSize(1);
        assertThat(page.document().select("form[data-withdraw-form]")).as("not the owner's to withdraw").isEmpty();
        WebClient.Page asJun = jun.browser().get("/projects/" + project + "/proposals/1");
        assertThat(asJun.document().select("form[data-accept-form]")).as("not the proposer's to accept").isEmpty();
        assertThat(asJun.document().select("form[data-withdraw-form]")).hasSize(1);
        // Its file can be fetched while it is open, by anyone who can see the project.
        String hash = read.getJsonArray("files").getJsonObject(0).getString("hash");
        assertThat(anonymous.get("/projects/" + project + "/proposals/1/files/" + hash).status()).isEqualTo(303);

        // The project moves on before the decision: the take is replayed onto the newest revision.
        byte[] keys = bytes(30_000, 1003);
        alice.api().push(project, 1, files("stems/drums.wav", drums, "stems/keys.wav", keys), true, "Keys");
        WebClient.Page accepted = alice.api().post(proposals(project) + "/1/accept", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        JsonObject committed = Projects.json(accepted.body());
        assertThat(committed.getInt("revision")).isEqualTo(3);
        assertThat(committed.getBoolean("rebased")).isTrue();
        JsonObject r3 = alice.api().getJson("/api/v1/projects/" + project + "/revisions/3");
        assertThat(r3.getString("author")).as("authored by the proposer").isEqualTo(jun.nickname());
        assertThat(r3.getString("message")).isEqualTo("Proposal #1 by " + jun.nickname() + ": A walking bass line");
        assertThat(r3.getJsonArray("files")).extracting(file -> file.asJsonObject().getString("path"))
                .containsExactly("stems/bass-jun.wav", "stems/drums.wav", "stems/keys.wav");
        assertThat(alice.api().zip("/api/v1/projects/" + project + "/revisions/3/zip").get("stems/bass-jun.wav")).isEqualTo(bass);

        JsonObject decided = alice.api().getJson(proposals(project) + "/1");
        assertThat(decided.getString("state")).isEqualTo("ACCEPTED");
        assertThat(decided.getInt("revision")).isEqualTo(3);
        assertThat(decided.getString("decidedBy")).isEqualTo(alice.nickname());
        assertThat(jun.browser().get("/notifications").body()).contains("decided on your proposal to").contains("accepted as r3");
        assertThat(jun.browser().get("/projects/" + project + "/proposals/1").text("[data-decision]"))
                .contains("Accepted by " + alice.nickname() + " as r3");
        WebClient.Page again = alice.api().post(proposals(project) + "/1/accept", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(again.status()).isEqualTo(409);
        assertThat(Projects.json(again.body()).getString("error")).contains("already accepted as r3");
        assertThat(alice.api().getJson("/api/v1/projects/" + project).getInt("head")).isEqualTo(3);
    }

    @Test
    void onlyProducersDecideAndTheProposerMayWithdraw() {
        Person alice = member("decider");
        String project = alice.api().create("Who Decides", "PUBLIC");
        alice.api().push(project, 0, files("stems/drums.wav", bytes(20_000, 1010)), true, "Drums");
        Person lee = member("listener");
        WebClient.Page members = alice.browser().get("/projects/" + project + "/members");
        alice.browser().submit(members, "form.invite-form", Map.of("nickname", lee.nickname(), "role", "LISTENER"));
        WebClient.Page mine = lee.browser().get("/projects/mine");
        assertThat(lee.browser().submit(mine, ".invitation[data-project=\"" + project + "\"] form.accept-form", Map.of()).status())
                .isEqualTo(303);

        Person jun = member("proposer");
        jun.api().propose(project, 1, files("guitar.wav", bytes(20_000, 1011)), "Guitar");
        Person stranger = member("stranger");
        WebClient.Page byStranger = stranger.api().post(proposals(project) + "/1/accept", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(byStranger.status()).isEqualTo(403);
        WebClient.Page byListener = lee.api().post(proposals(project) + "/1/accept", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(byListener.status()).isEqualTo(403);
        assertThat(Projects.json(byListener.body()).getString("error")).contains("Listeners cannot accept");
        assertThat(jun.api().post(proposals(project) + "/1/decline", JsonValue.EMPTY_JSON_OBJECT).status())
                .as("the proposer cannot decide their own take").isEqualTo(403);
        assertThat(stranger.api().post(proposals(project) + "/1/withdraw", JsonValue.EMPTY_JSON_OBJECT).status()).isEqualTo(403);
        assertThat(alice.api().getJson("/api/v1/projects/" + project).getInt("head")).isEqualTo(1);

        // Withdrawn by its proposer; then nobody can accept it.
        assertThat(jun.api().post(proposals(project) + "/1/withdraw", JsonValue.EMPTY_JSON_OBJECT).status()).isEqualTo(204);
        assertThat(alice.api().post(proposals(project) + "/1/accept", JsonValue.EMPTY_JSON_OBJECT).status()).isEqualTo(409);

        // Declined with a note, on the page: the proposer reads why.
        jun.api().propose(project, 1, files("guitar.wav", bytes(20_000, 1012)), "Guitar, again");
        WebClient.Page page = alice.browser().get("/projects/" + project + "/proposals/2");
        WebClient.Page tooLong = alice.browser().submit(page, "form[data-decline-form]", Map.of("note", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.text("#note-help")).contains("at most 2,000 characters");
        assertThat(tooLong.document().selectFirst("#decline-note").text()).hasSize(2000);
        WebClient.Page declined = alice.browser().submit(page, "form[data-decline-form]", Map.of("note", "Too busy for this song"));
        assertThat(declined.status()).isEqualTo(303);
        WebClient.Page seen = jun.browser().get("/projects/" + project + "/proposals/2");
        assertThat(seen.text("[data-proposal-state]")).isEqualTo("Declined");
        assertThat(seen.text("[data-decision]")).contains("Declined by " + alice.nickname()).contains("Too busy for this song");
        assertThat(jun.browser().get("/notifications").body()).contains("declined");
        assertThat(jun.api().getJson(proposals(project)).getJsonArray("proposals"))
                .extracting(each -> each.asJsonObject().getString("state")).containsExactly("DECLINED", "WITHDRAWN");
    }

    @Test
    void badProposalsAreRefusedAndSayWhy() {
        Person alice = member("guard");
        String secret = alice.api().create("Secret Sessions", "PRIVATE");
        String open = alice.api().create("Open Sessions", "PUBLIC");
        alice.api().push(open, 0, files("stems/drums.wav", bytes(20_000, 1020)), true, "Drums");
        Person jun = member("prober");

        // A private project does not exist for a stranger.
        assertThat(jun.api().startProposal(secret, 0, files("bass.wav", bytes(10_000, 1021))).status()).isEqualTo(404);
        assertThat(jun.api().get(proposals(secret)).status()).isEqualTo(404);
        assertThat(jun.browser().get("/projects/" + secret + "/proposals/new").status()).isEqualTo(404);

        // A take is audio: other files are named and refused.
        WebClient.Page notAudio = jun.api().startProposal(open, 1, files("bass.wav", bytes(10_000, 1022), "notes.txt", bytes(100, 1023)));
        assertThat(notAudio.status()).isEqualTo(422);
        JsonObject refused = Projects.json(notAudio.body());
        assertThat(refused.getString("error")).contains("audio files only");
        assertThat(refused.getJsonArray("files")).extracting(file -> file.asJsonObject().getString("path")).containsExactly("notes.txt");

        // A proposal's push is not a push: its author cannot commit it straight into the project.
        byte[] bass = bytes(10_000, 1024);
        WebClient.Page started = jun.api().startProposal(open, 1, files("bass.wav", bass));
        JsonObject push = Projects.json(started.body());
        WebClient.Page early = jun.api().post(proposals(open), Json.createObjectBuilder().add("push", push.getString("id")).build());
        assertThat(early.status()).as("nothing uploaded yet").isEqualTo(422);
        assertThat(Projects.json(early.body()).getJsonArray("files").getJsonObject(0).getString("path")).isEqualTo("bass.wav");
        jun.api().upload(open, push, files("bass.wav", bass));
        WebClient.Page sneaked = jun.api().commit(open, push.getString("id"), "Sneaking in");
        assertThat(sneaked.status()).isEqualTo(422);
        assertThat(Projects.json(sneaked.body()).getString("error")).contains("carries a proposal");
        WebClient.Page wrongInstrument = jun.api().post(proposals(open), Json.createObjectBuilder().add("push", push.getString("id"))
                .add("instrument", 32000).build());
        assertThat(wrongInstrument.status()).isEqualTo(422);
        assertThat(Projects.json(wrongInstrument.body()).getJsonObject("fields").containsKey("instrument")).isTrue();
        WebClient.Page proposed = jun.api().post(proposals(open), Json.createObjectBuilder().add("push", push.getString("id")).build());
        assertThat(proposed.status()).isEqualTo(201);
        WebClient.Page twice = jun.api().post(proposals(open), Json.createObjectBuilder().add("push", push.getString("id")).build());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(alice.api().getJson("/api/v1/projects/" + open).getInt("head")).isEqualTo(1);
        assertThat(alice.api().get(proposals(open) + "/99").status()).isEqualTo(404);

        // The discussion: a comment at a moment of the take; a moment that is no time keeps what was typed.
        WebClient.Page page = alice.browser().get("/projects/" + open + "/proposals/1");
        WebClient.Page bad = alice.browser().submit(page, "form[data-comment-form]", Map.of("body", "Lovely fill", "at", "soon"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text("#at-help")).contains("like 1:05");
        assertThat(bad.document().selectFirst("#comment-body").text()).isEqualTo("Lovely fill");
        WebClient.Page good = alice.browser().submit(page, "form[data-comment-form]", Map.of("body", "Lovely fill", "at", "1:05"));
        assertThat(good.status()).isEqualTo(303);
        Element comment = jun.browser().get("/projects/" + open + "/proposals/1").document().selectFirst("[data-comments] li");
        assertThat(comment.text()).contains(alice.nickname()).contains("Lovely fill");
        assertThat(comment.selectFirst("[data-at]").text()).isEqualTo("at 1:05");
        assertThat(jun.api().getJson(proposals(open) + "/1").getJsonArray("comments").getJsonObject(0).getInt("atMs")).isEqualTo(65_000);
    }

    // Comments on files ----------------------------------------------------------------------------

    @Test
    void aStemIsCommentedOnAtAMomentAndALaterTakeShowsWhichCommentsWereAboutAnEarlierOne() {
        Person alice = member("stems");
        String project = alice.api().create("Night Drive", "PUBLIC");
        alice.api().push(project, 0, files("stems/bass.wav", bytes(70_000, 40), "lyrics.txt", bytes(500, 41)), true, "Bass");
        Person visitor = member("listener");
        String filePage = "/projects/" + project + "/history?path=stems/bass.wav";

        WebClient.Page page = visitor.browser().get(filePage);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#comments")).contains("No comments yet");
        WebClient.Page empty = visitor.browser().submit(page, "form[data-file-comment-form]", Map.of("body", " ", "at", "0:42"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.text("#body-help")).contains("Write something");
        assertThat(empty.document().selectFirst("#comment-at").val()).as("what was typed is kept").isEqualTo("0:42");
        WebClient.Page noTime = visitor.browser().submit(page, "form[data-file-comment-form]", Map.of("body", "Late snare", "at", "in a bit"));
        assertThat(noTime.status()).isEqualTo(422);
        assertThat(noTime.text("#at-help")).contains("like 1:05");
        assertThat(noTime.document().selectFirst("#comment-body").text()).isEqualTo("Late snare");
        WebClient.Page posted = visitor.browser().submit(page, "form[data-file-comment-form]", Map.of("body", "The bass drags here", "at", "0:42"));
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.location()).contains("/history?path=stems%2Fbass.wav");

        Element comment = anonymous.get(filePage).document().selectFirst("[data-file-comments] li");
        assertThat(comment.text()).contains(visitor.nickname()).contains("The bass drags here").contains("on r1");
        assertThat(comment.selectFirst("[data-at]").text()).isEqualTo("at 0:42");
        assertThat(comment.selectFirst("[data-at]").attr("data-seek")).isEqualTo("42.0");
        assertThat(anonymous.get(filePage).document().select("form[data-file-comment-form]")).as("visitors sign in first").isEmpty();
        assertThat(anonymous.get("/projects/" + project).text(".activity-list")).contains("commented on stems/bass.wav at 0:42");
        WebClient.Page text = alice.browser().get("/projects/" + project + "/history?path=lyrics.txt");
        assertThat(text.document().select("#comment-at")).as("no moments in a text file").isEmpty();

        // A new take of the bass: the comment stays, marked as about the earlier take.
        alice.api().push(project, 1, files("stems/bass.wav", bytes(71_000, 42)), false, "Tighter bass");
        Element earlier = anonymous.get(filePage).document().selectFirst("[data-file-comments] li");
        assertThat(earlier.text()).contains("on an earlier take, r1");
        assertThat(earlier.selectFirst("[data-at]").hasAttr("data-seek")).as("no jumping into another take").isFalse();

        // A private project's files are nobody else's business.
        String hidden = alice.api().create("Demo tapes", "PRIVATE");
        alice.api().push(hidden, 0, files("tape.wav", bytes(60_000, 43)), true, "Tape");
        assertThat(visitor.browser().get("/projects/" + hidden + "/history?path=tape.wav").status()).isEqualTo(404);
        assertThat(visitor.browser().post("/projects/" + hidden + "/history/comments", Map.of("_csrf", visitor.browser().get("/").csrfToken(),
                "path", "tape.wav", "body", "Sneaky")).status()).isEqualTo(404);
        WebClient.Page gone = visitor.browser().post("/projects/" + project + "/history/comments", Map.of("_csrf",
                visitor.browser().get("/").csrfToken(), "path", "stems/drums.wav", "body", "Where?"));
        assertThat(gone.status()).isEqualTo(303);
        assertThat(visitor.browser().get(gone.location().replaceFirst("#.*", "")).text(".flash-messages")).contains("holds no file stems/drums.wav");
    }
}
