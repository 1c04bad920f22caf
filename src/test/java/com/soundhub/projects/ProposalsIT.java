package com.soundhub.projects;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

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

/** Proposals over HTTP: a take offered by a non-member, accepted as the proposer's revision or declined, and bad input. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class ProposalsIT {

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

    private static String proposals(String project) {
        return "/api/v1/projects/" + project + "/proposals";
    }

    @Test
    void aTakeFromANonMemberIsAcceptedAsTheirRevisionReplayedOntoTheNewestOne() {
        Person alice = member("owner");
        String project = alice.api().create("Late Train", "PUBLIC");
        byte[] drums = bytes(60_000, 1);
        alice.api().push(project, 0, files("stems/drums.wav", drums), true, "Drums");

        Person jun = member("bassist");
        byte[] bass = bytes(50_000, 2);
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
        assertThat(page.document().select("form[data-accept-form]")).hasSize(1);
        assertThat(page.document().select("form[data-withdraw-form]")).as("not the owner's to withdraw").isEmpty();
        WebClient.Page asJun = jun.browser().get("/projects/" + project + "/proposals/1");
        assertThat(asJun.document().select("form[data-accept-form]")).as("not the proposer's to accept").isEmpty();
        assertThat(asJun.document().select("form[data-withdraw-form]")).hasSize(1);
        // Its file can be fetched while it is open, by anyone who can see the project.
        String hash = read.getJsonArray("files").getJsonObject(0).getString("hash");
        assertThat(anonymous.get("/projects/" + project + "/proposals/1/files/" + hash).status()).isEqualTo(303);

        // The project moves on before the decision: the take is replayed onto the newest revision.
        byte[] keys = bytes(30_000, 3);
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
        alice.api().push(project, 0, files("stems/drums.wav", bytes(20_000, 10)), true, "Drums");
        Person lee = member("listener");
        WebClient.Page members = alice.browser().get("/projects/" + project + "/members");
        alice.browser().submit(members, "form.invite-form", Map.of("nickname", lee.nickname(), "role", "LISTENER"));
        WebClient.Page mine = lee.browser().get("/projects/mine");
        assertThat(lee.browser().submit(mine, ".invitation[data-project=\"" + project + "\"] form.accept-form", Map.of()).status())
                .isEqualTo(303);

        Person jun = member("proposer");
        jun.api().propose(project, 1, files("guitar.wav", bytes(20_000, 11)), "Guitar");
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
        jun.api().propose(project, 1, files("guitar.wav", bytes(20_000, 12)), "Guitar, again");
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
        alice.api().push(open, 0, files("stems/drums.wav", bytes(20_000, 20)), true, "Drums");
        Person jun = member("prober");

        // A private project does not exist for a stranger.
        assertThat(jun.api().startProposal(secret, 0, files("bass.wav", bytes(10_000, 21))).status()).isEqualTo(404);
        assertThat(jun.api().get(proposals(secret)).status()).isEqualTo(404);
        assertThat(jun.browser().get("/projects/" + secret + "/proposals/new").status()).isEqualTo(404);

        // A take is audio: other files are named and refused.
        WebClient.Page notAudio = jun.api().startProposal(open, 1, files("bass.wav", bytes(10_000, 22), "notes.txt", bytes(100, 23)));
        assertThat(notAudio.status()).isEqualTo(422);
        JsonObject refused = Projects.json(notAudio.body());
        assertThat(refused.getString("error")).contains("audio files only");
        assertThat(refused.getJsonArray("files")).extracting(file -> file.asJsonObject().getString("path")).containsExactly("notes.txt");

        // A proposal's push is not a push: its author cannot commit it straight into the project.
        byte[] bass = bytes(10_000, 24);
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
}
