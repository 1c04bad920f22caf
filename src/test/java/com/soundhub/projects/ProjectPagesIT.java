package com.soundhub.projects;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.soundhub.projects.contents.ContentHash;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.Projects;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The co-production pages over HTTP: creating a project, its page, files, history, revisions and
 * differences, members and roles, settings and deletion, and projects on profiles and in search.
 */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class ProjectPagesIT {

    private static final AtomicInteger titles = new AtomicInteger();

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    WebClient anonymous;

    @BeforeEach
    void openBrowser() {
        anonymous = new WebClient(Deployments.base(deployed));
    }

    /** A member signed in in a browser of their own, with the API client on the same session. */
    record Person(String nickname, WebClient browser, Projects api) {

        Page open(String path) {
            return browser.get(path);
        }

        Page ok(String path) {
            Page page = browser.get(path);
            assertThat(page.status()).as("%s: %s", path, page.body()).isEqualTo(200);
            return page;
        }

        /** Submits a form of the page at {@code path}; expects the redirect that follows success and returns where it leads. */
        Page submitOk(String path, String form, Map<String, String> values) {
            Page answer = browser.submit(ok(path), form, values);
            assertThat(answer.status()).as("%s %s: %s", path, form, answer.body()).isEqualTo(303);
            return answer;
        }
    }

    private Person person(String prefix) {
        WebClient browser = anonymous.stranger();
        String nickname = Members.signUp(browser, prefix);
        return new Person(nickname, browser, new Projects(browser));
    }

    private static String title(String words) {
        return words + " " + ProcessHandle.current().pid() % 10000 + "-" + titles.incrementAndGet();
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Map<String, byte[]> files(Object... pathsAndBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndBytes.length; i += 2) {
            files.put((String) pathsAndBytes[i], (byte[]) pathsAndBytes[i + 1]);
        }
        return files;
    }

    private static List<String> texts(Page page, String selector) {
        return page.document().select(selector).eachText();
    }

    /** The owner invites {@code who} with the members page's form; they accept on their projects page. */
    private void join(Person owner, String project, Person who, String role) {
        owner.submitOk("/projects/" + project + "/members", "form.invite-form", Map.of("nickname", who.nickname(), "role", role));
        Page mine = who.ok("/projects/mine");
        Element invitation = mine.document().selectFirst(".invitation[data-project=\"" + project + "\"]");
        assertThat(invitation).as(mine.body()).isNotNull();
        Page accepted = who.browser().submit(mine, ".invitation[data-project=\"" + project + "\"] form.accept-form", Map.of());
        assertThat(accepted.status()).isEqualTo(303);
        assertThat(accepted.location()).isEqualTo("/projects/" + project);
    }

    private static String roleOf(Page members, String nickname) {
        Element row = members.document().selectFirst("tr[data-member=\"" + nickname + "\"]");
        return row == null ? null : row.selectFirst(".member-role").text();
    }

    @Test
    void aNewProjectFormShowsItsErrorsWithWhatWasTypedThenCreatesTheProject() {
        Person mina = person("mina");
        Page form = mina.ok("/projects/new");
        assertThat(form.text("title")).isEqualTo("New project — SoundHub");

        Page refused = mina.browser().submit(form, "form.project-form",
                Map.of("title", "  ", "description", "A slow song about the sea", "tempo", "fast", "timeSignature", "4/4"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().selectFirst("#title-help").text()).isEqualTo("Give your project a title.");
        assertThat(refused.document().selectFirst("#tempo-help").text()).contains("whole number");
        assertThat(refused.document().selectFirst("#tempo").val()).isEqualTo("fast");
        assertThat(refused.document().selectFirst("#description").wholeText()).isEqualTo("A slow song about the sea");

        String title = title("Sea Song");
        Page created = mina.browser().submit(refused, "form.project-form", Map.of("title", title, "tempo", "72",
                "visibility", "PUBLIC"));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(created.location()).startsWith("/projects/");
        Page project = mina.ok(created.location());
        assertThat(project.text("h1")).startsWith(title);
        assertThat(project.text(".flash-success")).contains("Your project is ready");
        assertThat(project.text(".description")).isEqualTo("A slow song about the sea");
        assertThat(project.text(".facts")).contains("72 BPM");
        assertThat(project.text(".project-empty")).contains("Push the first revision");
        assertThat(project.document().select("[data-push-button]")).isNotEmpty();
        assertThat(project.text("title")).isEqualTo(title + " — SoundHub");
    }

    @Test
    void theProjectPageShowsTheNewestFilesAndTheMembers() {
        Person mina = person("mina");
        String project = mina.api().create(title("Night Drive"), "PUBLIC");
        mina.api().push(project, 0, files("stems/bass.wav", bytes(300_000, 1), "lyrics.txt", "verse one\n".getBytes(StandardCharsets.UTF_8)),
                false, "First take");

        Page page = mina.ok("/projects/" + project);
        assertThat(page.document().select(".file-table tr[data-path]").eachAttr("data-path")).containsExactly("lyrics.txt", "stems/bass.wav");
        Element bass = page.document().selectFirst("tr[data-path=\"stems/bass.wav\"]");
        assertThat(bass.text()).contains("293 KB").contains("r1");
        assertThat(bass.select(".project-audio")).as("its player, or its analysis under way, and its download").hasSize(1);
        assertThat(page.document().selectFirst("tr[data-path=\"lyrics.txt\"]").select(".project-audio")).isEmpty();
        assertThat(page.text(".member-list")).contains(mina.nickname()).contains("Owner");
        assertThat(page.text(".activity-list")).contains("pushed r1");
        assertThat(page.document().selectFirst("a[data-zip]").attr("href")).isEqualTo("/api/v1/projects/" + project + "/revisions/1/zip");

        // Anyone may see a public project, but only its producers are offered to push.
        Page visitor = anonymous.stranger().get("/projects/" + project);
        assertThat(visitor.status()).isEqualTo(200);
        assertThat(visitor.document().select("[data-push-button], [data-push-link], [data-settings-link]")).isEmpty();
    }

    @Test
    void aPrivateProjectsPagesDoNotExistForStrangers() {
        Person mina = person("mina");
        String project = mina.api().create(title("Secret"), "PRIVATE");
        byte[] demo = bytes(1000, 3);
        mina.api().push(project, 0, files("demo.wav", demo), false, "Demo");
        String hash = ContentHash.of(demo);
        List<String> pages = List.of("/projects/" + project, "/projects/" + project + "/revisions",
                "/projects/" + project + "/revisions/1", "/projects/" + project + "/diff?from=0&to=1",
                "/projects/" + project + "/members", "/projects/" + project + "/history?path=demo.wav",
                "/projects/" + project + "/files/" + hash + "?path=demo.wav");
        for (String path : pages) {
            assertThat(mina.open(path).status()).as(path).isIn(200, 303);
        }
        Person stranger = person("stranger");
        for (String path : pages) {
            assertThat(stranger.open(path).status()).as(path).isEqualTo(404);
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(stranger.open("/projects/" + project + "/settings").status()).isEqualTo(404);
        assertThat(stranger.open("/projects/" + project + "/push").status()).isEqualTo(404);
        assertThat(stranger.open("/projects/mine").body()).doesNotContain(project);
    }

    @Test
    void anInvitedMemberIsNotifiedAcceptsAndIsListedWithTheirRole() {
        Person mina = person("mina");
        Person jun = person("jun");
        String title = title("Duet");
        String project = mina.api().create(title, "PRIVATE");

        Page unknown = mina.browser().submit(mina.ok("/projects/" + project + "/members"), "form.invite-form",
                Map.of("nickname", "nobody-by-that-name", "role", "PRODUCER"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("#nickname-help")).contains("There is no member called nobody-by-that-name");
        assertThat(unknown.document().selectFirst("#invite-nickname").val()).isEqualTo("nobody-by-that-name");

        mina.submitOk("/projects/" + project + "/members", "form.invite-form", Map.of("nickname", jun.nickname(), "role", "PRODUCER"));
        assertThat(mina.ok("/projects/" + project + "/members").text(".pending-invitations")).contains(jun.nickname());

        Page notifications = jun.ok("/notifications");
        Element notification = notifications.document().selectFirst(".notification");
        assertThat(notification.text()).contains(mina.nickname()).contains("invited you to").contains(title).contains("as producer");
        assertThat(notification.selectFirst("a[href=\"/projects/mine\"]")).isNotNull();

        Page mine = jun.ok("/projects/mine");
        assertThat(mine.text(".invitation[data-project=\"" + project + "\"]")).contains(title).contains("producer");
        Page accepted = jun.browser().submit(mine, ".invitation[data-project=\"" + project + "\"] form.accept-form", Map.of());
        assertThat(accepted.status()).isEqualTo(303);
        assertThat(jun.ok(accepted.location()).text("h1")).startsWith(title);

        Page members = jun.ok("/projects/" + project + "/members");
        assertThat(roleOf(members, jun.nickname())).isEqualTo("Producer");
        assertThat(roleOf(members, mina.nickname())).isEqualTo("Owner");
        assertThat(jun.ok("/projects/mine").text(".project-cards")).contains(title).contains("Producer");
        assertThat(jun.ok("/projects/mine").document().select(".invitation")).isEmpty();
    }

    @Test
    void aListenerIsNotOfferedToPushAndCannotRevert() {
        Person mina = person("mina");
        Person sora = person("sora");
        String project = mina.api().create(title("Listen Only"), "PRIVATE");
        mina.api().push(project, 0, files("a.txt", bytes(10, 1)), false, "one");
        mina.api().push(project, 1, files("a.txt", bytes(10, 2)), false, "two");
        join(mina, project, sora, "LISTENER");

        Page page = sora.ok("/projects/" + project);
        assertThat(page.document().select("[data-push-button], [data-push-link], [data-settings-link]")).isEmpty();
        Page revision = sora.ok("/projects/" + project + "/revisions/1");
        assertThat(revision.document().select("form.revert-form")).isEmpty();
        assertThat(sora.open("/projects/" + project + "/push").status()).isEqualTo(403);

        Page refused = sora.browser().post("/projects/" + project + "/revisions/1/revert", Map.of("_csrf", revision.csrfToken()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(mina.ok("/projects/" + project + "/revisions").document().select(".revision-item")).hasSize(2);

        // A producer may: the revert is a new revision.
        Page owners = mina.ok("/projects/" + project + "/revisions/1");
        Page reverted = mina.browser().submit(owners, "form.revert-form", Map.of());
        assertThat(reverted.status()).isEqualTo(303);
        assertThat(reverted.location()).isEqualTo("/projects/" + project + "/revisions/3");
        assertThat(mina.ok(reverted.location()).text(".revision-message")).isEqualTo("Revert to r1");
    }

    @Test
    void theLastOwnerCannotLeaveAndIsToldWhy() {
        Person mina = person("mina");
        String project = mina.api().create(title("Solo"), "PUBLIC");
        Page left = mina.submitOk("/projects/" + project + "/members", "form.leave-form", Map.of());
        assertThat(left.location()).isEqualTo("/projects/" + project + "/members");
        Page members = mina.ok(left.location());
        assertThat(members.text(".flash-error")).contains("last owner");
        assertThat(roleOf(members, mina.nickname())).isEqualTo("Owner");
    }

    @Test
    void anOwnerChangesRolesAndRemovesMembers() {
        Person mina = person("mina");
        Person jun = person("jun");
        String project = mina.api().create(title("Band"), "PRIVATE");
        join(mina, project, jun, "PRODUCER");

        Page members = mina.ok("/projects/" + project + "/members");
        Page changed = mina.browser().submit(members, "tr[data-member=\"" + jun.nickname() + "\"] form.role-form", Map.of("role", "LISTENER"));
        assertThat(changed.status()).isEqualTo(303);
        Page after = mina.ok("/projects/" + project + "/members");
        assertThat(roleOf(after, jun.nickname())).isEqualTo("Listener");
        assertThat(after.text(".flash-success")).contains(jun.nickname() + " is now a listener");

        // The only owner cannot make themself a producer.
        Page demoted = mina.browser().submit(after, "tr[data-member=\"" + mina.nickname() + "\"] form.role-form", Map.of("role", "PRODUCER"));
        assertThat(demoted.status()).isEqualTo(303);
        Page still = mina.ok("/projects/" + project + "/members");
        assertThat(still.text(".flash-error")).contains("last owner");
        assertThat(roleOf(still, mina.nickname())).isEqualTo("Owner");

        Page removed = mina.browser().submit(still, "tr[data-member=\"" + jun.nickname() + "\"] form.remove-form", Map.of());
        assertThat(removed.status()).isEqualTo(303);
        assertThat(roleOf(mina.ok("/projects/" + project + "/members"), jun.nickname())).isNull();
        assertThat(jun.open("/projects/" + project).status()).isEqualTo(404);
    }

    @Test
    void anOwnerHandsTheProjectOverAndStaysOnAsProducer() {
        Person mina = person("mina");
        Person jun = person("jun");
        String project = mina.api().create(title("Hand Over"), "PUBLIC");
        join(mina, project, jun, "LISTENER");

        mina.submitOk("/projects/" + project + "/members", "form.transfer-form", Map.of("nickname", jun.nickname()));
        Page members = mina.ok("/projects/" + project + "/members");
        assertThat(roleOf(members, jun.nickname())).isEqualTo("Owner");
        assertThat(roleOf(members, mina.nickname())).isEqualTo("Producer");
        assertThat(mina.open("/projects/" + project + "/settings").status()).isEqualTo(403);
        assertThat(jun.open("/projects/" + project + "/settings").status()).isEqualTo(200);
    }

    @Test
    void settingsAreSavedAndAProjectIsDeletedOnlyWithItsTitleTyped() {
        Person mina = person("mina");
        String title = title("Short Lived");
        String project = mina.api().create(title, "PUBLIC");

        Page saved = mina.submitOk("/projects/" + project + "/settings", "form.settings-form", Map.of("tempo", "128", "key", ""));
        assertThat(saved.location()).isEqualTo("/projects/" + project);
        assertThat(mina.ok(saved.location()).text(".facts")).contains("128 BPM");
        Page invalid = mina.browser().submit(mina.ok("/projects/" + project + "/settings"), "form.settings-form", Map.of("tempo", "999"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.text("#tempo-help")).contains("between 20 and 300");

        Page wrong = mina.browser().submit(mina.ok("/projects/" + project + "/settings"), "form.delete-form",
                Map.of("confirmation", "something else"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text("#confirmation-help")).contains(title);
        assertThat(mina.open("/projects/" + project).status()).isEqualTo(200);

        Page deleted = mina.browser().submit(wrong, "form.delete-form", Map.of("confirmation", title));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.location()).isEqualTo("/projects/mine");
        assertThat(mina.ok("/projects/mine").text(".flash-success")).contains(title).contains("deleted");
        assertThat(mina.open("/projects/" + project).status()).isEqualTo(404);
    }

    @Test
    void aReplayedRevisionSaysWhatItTookOver() {
        Person mina = person("mina");
        String project = mina.api().create(title("Race"), "PUBLIC");
        mina.api().push(project, 0, files("stems/bass.wav", bytes(2000, 1), "drums.wav", bytes(2000, 2)), false, "r1");
        mina.api().push(project, 1, files("stems/bass.wav", bytes(2000, 3)), false, "Louder bass");
        JsonObject third = mina.api().push(project, 1, files("stems/bass.wav", bytes(2000, 4)), false, "My bass");
        assertThat(third.getBoolean("rebased")).isTrue();

        Page revision = mina.ok("/projects/" + project + "/revisions/3");
        assertThat(revision.text(".replaced-note")).isEqualTo("Took stems/bass.wav over from r2");
        assertThat(revision.text(".revision-header")).contains("started from r1, replayed onto r2");
        assertThat(revision.document().selectFirst("a[data-changes-zip]").attr("href"))
                .isEqualTo("/api/v1/projects/" + project + "/revisions/3/zip?since=2");
        assertThat(revision.document().selectFirst("tr[data-path=\"stems/bass.wav\"] a[href*=history]").attr("href"))
                .isEqualTo("/projects/" + project + "/history?path=stems/bass.wav");
        assertThat(mina.ok("/projects/" + project + "/revisions").text("li[data-revision=3]")).contains("replayed onto r2");

        Page history = mina.ok("/projects/" + project + "/history?path=stems/bass.wav");
        assertThat(history.document().select(".file-changes a").eachText()).containsExactly("r3", "r2", "r1");
    }

    @Test
    void theDiffPageListsWhatWasAddedChangedAndRemoved() {
        Person mina = person("mina");
        String project = mina.api().create(title("Changes"), "PUBLIC");
        byte[] keep = bytes(100, 1);
        mina.api().push(project, 0, files("keep.txt", keep, "mix.wav", bytes(5000, 2), "gone.txt", bytes(50, 3)), false, "r1");
        mina.api().push(project, 1, files("keep.txt", keep, "mix.wav", bytes(6000, 4), "new.txt", bytes(70, 5)), true, "r2");

        Page diff = mina.ok("/projects/" + project + "/diff?from=1&to=2");
        assertThat(diff.document().select(".diff-added li").eachAttr("data-path")).containsExactly("new.txt");
        assertThat(diff.document().select(".diff-changed li").eachAttr("data-path")).containsExactly("mix.wav");
        assertThat(diff.document().select(".diff-removed li").eachAttr("data-path")).containsExactly("gone.txt");
        Element mix = diff.document().selectFirst(".diff-changed li");
        assertThat(mix.text()).contains("4.9 KB").contains("5.9 KB");
        assertThat(mix.select(".side-by-side .project-audio")).hasSize(2);
        assertThat(diff.body()).doesNotContain("keep.txt");

        Page same = mina.ok("/projects/" + project + "/diff?from=2&to=2");
        assertThat(same.text(".empty")).contains("No differences");
        assertThat(mina.open("/projects/" + project + "/diff?from=1&to=9").status()).isEqualTo(404);
    }

    @Test
    void aFileDownloadRedirectsToStorageWithTheFilesBytes() throws Exception {
        Person mina = person("mina");
        String project = mina.api().create(title("Download"), "PRIVATE");
        byte[] take = bytes(70_000, 9);
        mina.api().push(project, 0, files("takes/take one.wav", take), false, "take");
        mina.api().push(project, 1, files("other.txt", bytes(10, 1)), true, "replace everything");
        String hash = ContentHash.of(take);

        Page redirect = mina.open("/projects/" + project + "/files/" + hash + "?path=takes/take%20one.wav&revision=1");
        assertThat(redirect.status()).isEqualTo(303);
        String location = redirect.header("Location");
        assertThat(location).doesNotStartWith(mina.browser().base().toString());
        HttpResponse<byte[]> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo(take);
        assertThat(stored.headers().firstValue("Content-Disposition").orElse("")).contains("take one.wav");

        // Not in the newest revision, and never in this project: not found.
        assertThat(mina.open("/projects/" + project + "/files/" + hash + "?path=takes/take%20one.wav").status()).isEqualTo(404);
        assertThat(mina.open("/projects/" + project + "/files/" + ContentHash.of(bytes(5, 5))).status()).isEqualTo(404);
        assertThat(mina.open("/projects/" + project + "/files/not-a-hash").status()).isEqualTo(404);
        Person other = person("other");
        String theirs = other.api().create(title("Elsewhere"), "PUBLIC");
        assertThat(other.open("/projects/" + theirs + "/files/" + hash + "?revision=1").status()).isEqualTo(404);
    }

    @Test
    void browsingFiltersProjectsByTheInstrumentTheyLookFor() {
        Person mina = person("mina");
        Page form = mina.ok("/projects/new");
        List<String> instruments = form.document().select("input[name=instrument]").eachAttr("value");
        assertThat(instruments).hasSizeGreaterThanOrEqualTo(2);
        String wanted = instruments.get(0);
        String lookingFor = title("Needs Player");
        String other = title("Needs Nobody");
        mina.submitOk("/projects/new", "form.project-form", Map.of("title", lookingFor, "visibility", "PUBLIC", "instrument", wanted));
        mina.submitOk("/projects/new", "form.project-form", Map.of("title", other, "visibility", "PUBLIC", "instrument", instruments.get(1)));
        String hidden = title("Needs Secretly");
        mina.submitOk("/projects/new", "form.project-form", Map.of("title", hidden, "visibility", "PRIVATE", "instrument", wanted));

        Page filtered = anonymous.get("/projects?instrument=" + wanted);
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(texts(filtered, ".project-card h3")).contains(lookingFor).doesNotContain(other, hidden);
        assertThat(filtered.document().selectFirst("#instrument-filter option[selected]").val()).isEqualTo(wanted);
        Element card = filtered.document().select(".project-card").stream()
                .filter(found -> found.selectFirst("h3").text().equals(lookingFor)).findFirst().orElseThrow();
        assertThat(card.select(".looking-for .chip")).hasSize(1);
        assertThat(card.text()).contains("1 member").contains("no revisions yet");
        assertThat(texts(anonymous.get("/projects"), ".project-card h3")).contains(lookingFor, other).doesNotContain(hidden);
    }

    @Test
    void aProfileListsOnlyPublicProjectsAndSearchFindsOnlyThose() {
        Person mina = person("mina");
        String word = "Zephyr" + ProcessHandle.current().pid() % 10000 + titles.incrementAndGet();
        String open = word + " Open";
        String secret = word + " Secret";
        mina.api().create(open, "PUBLIC");
        mina.api().create(secret, "PRIVATE");

        for (WebClient viewer : List.of(anonymous, mina.browser())) {
            Page profile = viewer.get("/members/" + mina.nickname());
            assertThat(profile.status()).isEqualTo(200);
            assertThat(texts(profile, ".member-projects .project-card h3")).containsExactly(open);
            assertThat(profile.body()).doesNotContain(secret);
        }
        Page found = anonymous.get("/search?q=" + word);
        assertThat(found.status()).isEqualTo(200);
        assertThat(texts(found, ".search-projects .project-card h3")).containsExactly(open);
        assertThat(found.body()).doesNotContain(secret);
        assertThat(found.text(".empty")).isNull();
    }

    @Test
    void thePushPageIsForProducersAndHoldsTheForm() {
        Person mina = person("mina");
        String project = mina.api().create(title("Push Here"), "PUBLIC");
        Page push = mina.ok("/projects/" + project + "/push");
        assertThat(push.text("h2")).isEqualTo("Push the first revision");
        Element form = push.document().selectFirst("form#push-form");
        assertThat(form.attr("data-project")).isEqualTo(project);
        assertThat(form.attr("data-base")).isEqualTo("0");
        for (String id : List.of("push-folder", "push-files", "push-drop", "push-message", "push-whole", "push-list",
                "push-progress", "push-error")) {
            assertThat(push.document().getElementById(id)).as(id).isNotNull();
        }
        assertThat(push.text(".cli-hint")).contains(project);
        assertThat(anonymous.get("/projects/" + project + "/push").status()).isEqualTo(303);
        assertThat(person("jun").open("/projects/" + project + "/push").status()).isEqualTo(403);
    }

}
