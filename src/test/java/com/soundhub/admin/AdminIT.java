package com.soundhub.admin;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.soundhub.devserver.PayaraProcess;
import com.soundhub.testing.Catalogue;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.ExtraInstance;
import com.soundhub.testing.Members;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The back office over HTTP: only admins get in, every action is done by the owning feature and
 * written to the append-only audit log, suspensions sign members out and tell them why, and the
 * moderation queue closes reports and tells the reporters.
 */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class AdminIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    WebClient anonymous;
    WebClient admin;
    String adminName;

    @BeforeEach
    void signUpAnAdmin() throws SQLException {
        anonymous = new WebClient(Deployments.base(deployed));
        admin = anonymous.stranger();
        adminName = Members.signUp(admin, "moderator");
        update("UPDATE members SET role = 'ADMIN' WHERE nickname = ?", adminName);
    }

    private WebClient member(String prefix, String[] nickname) {
        WebClient browser = anonymous.stranger();
        nickname[0] = Members.signUp(browser, prefix);
        return browser;
    }

    private static void update(String sql, String value) throws SQLException {
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.executeUpdate();
        }
    }

    private static long count(String sql, String value) throws SQLException {
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Map<String, String> form(WebClient who, Object... pairs) {
        java.util.HashMap<String, String> values = new java.util.HashMap<>();
        values.put("_csrf", who.get("/").csrfToken());
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i].toString(), pairs[i + 1].toString());
        }
        return values;
    }

    @Test
    void onlyAdminsGetInAMemberIsToldNotFoundAndAVisitorIsSentToSignIn() throws SQLException {
        String[] name = new String[1];
        WebClient member = member("curious", name);
        List<String> pages = List.of("/admin", "/admin/members", "/admin/members/" + adminName, "/admin/reports", "/admin/audit",
                "/admin/audit.csv", "/admin/jobs", "/admin/uploads", "/admin/uploads?show=stuck", "/admin/recordings",
                "/admin/settings", "/admin/taxonomy", "/admin/comments", "/admin/projects");
        for (String page : pages) {
            assertThat(member.get(page).status()).as(page).isEqualTo(404);
            Page visitor = anonymous.get(page);
            assertThat(visitor.status()).as(page).isEqualTo(303);
            assertThat(visitor.location()).as(page).startsWith("/signin");
            assertThat(admin.get(page).status()).as(page).isEqualTo(200);
        }
        Map<String, Map<String, String>> actions = Map.ofEntries(
                Map.entry("/admin/settings", form(member, "signUpsOpen", "", "announcement", "Taken over")),
                Map.entry("/admin/taxonomy/genres/new", form(member, "name", "Member genre")),
                Map.entry("/admin/taxonomy/genres/1/rename", form(member, "name", "Renamed by a member")),
                Map.entry("/admin/taxonomy/genres/1/move", form(member, "direction", "down")),
                Map.entry("/admin/taxonomy/genres/1/merge", form(member, "into", "2")),
                Map.entry("/admin/recordings/hide", form(member, "ids", "abcdefghijk", "reason", "x")),
                Map.entry("/admin/comments/delete", form(member, "ids", "1", "reason", "x")),
                Map.entry("/admin/comments/hide", form(member, "ids", "1", "reason", "x")),
                Map.entry("/admin/comments/1/unhide", form(member)),
                Map.entry("/admin/recordings/delete", form(member, "ids", "abcdefghijk", "reason", "x")),
                Map.entry("/admin/projects/delete", form(member, "ids", "abcdefghijk", "reason", "x")),
                Map.entry("/admin/projects/hide", form(member, "ids", "abcdefghijk", "reason", "x")),
                Map.entry("/admin/projects/abcdefghijk/unhide", form(member)),
                Map.entry("/admin/reports/delete", form(member, "target", "MESSAGE", "ref", "1", "reason", "x")),
                Map.entry("/admin/uploads/" + java.util.UUID.randomUUID() + "/retry", form(member)),
                Map.entry("/admin/jobs/retry", form(member, "kind", "release-media-lanes", "instance", "recurring")),
                Map.entry("/admin/jobs/cancel", form(member, "kind", "release-media-lanes", "instance", "recurring")),
                Map.entry("/admin/members/" + adminName + "/suspend", form(member, "reason", "takeover", "password", Members.PASSWORD)),
                Map.entry("/admin/members/" + name[0] + "/role", form(member, "role", "ADMIN")),
                Map.entry("/admin/members/" + adminName + "/delete", form(member, "content", "remove", "reason", "takeover",
                        "password", Members.PASSWORD)),
                Map.entry("/admin/members/" + adminName + "/reinstate", form(member)),
                Map.entry("/admin/reports/dismiss", form(member, "target", "MEMBER", "ref", adminName)),
                Map.entry("/admin/reports/hide", form(member, "ref", "abcdefghijk", "reason", "x")),
                Map.entry("/admin/reports/warn", form(member, "target", "MEMBER", "ref", adminName, "message", "x")),
                Map.entry("/admin/recordings/abcdefghijk/unhide", form(member)));
        actions.forEach((path, values) -> assertThat(member.post(path, values).status()).as(path).isEqualTo(404));
        assertThat(anonymous.get("/").document().select("[data-announcement]")).as("nothing a member sent was done").isEmpty();
        assertThat(count("SELECT count(*) FROM genres WHERE name = ?", "Member genre")).isZero();
        assertThat(member.get("/members/" + name[0]).status()).isEqualTo(200);
        assertThat(member.get("/settings/profile").document().select("[data-back-office]")).as("no way in shown").isEmpty();
        assertThat(admin.get("/settings/profile").document().select("[data-back-office]")).hasSize(1);
    }

    @Test
    void aSuspensionAsksForThePasswordSignsTheMemberOutTellsThemWhyAndIsAudited() throws Exception {
        String[] name = new String[1];
        WebClient member = member("troll", name);
        assertThat(member.get("/settings/profile").status()).isEqualTo(200);
        String theirs = Catalogue.recording(name[0], "Troll song", Instant.now().minusSeconds(60));
        String hiddenBefore = Catalogue.recording(name[0], "Already hidden song", Instant.now().minusSeconds(60));
        admin.post("/admin/recordings/hide", form(admin, "ids", hiddenBefore, "reason", "Stolen artwork"));
        assertThat(anonymous.stranger().get("/recordings/" + theirs).status()).isEqualTo(200);
        String[] host = new String[1];
        member("host", host);
        String hosted = Catalogue.recording(host[0], "Hosting song", Instant.now().minusSeconds(60));
        String trollComment = "Troll comment by " + name[0];
        Catalogue.update("INSERT INTO comments (recording_id, author_id, body) SELECT r.id, m.id, ? FROM recordings r, members m "
                + "WHERE r.public_id = ? AND m.nickname = ?", trollComment, hosted, name[0]);
        assertThat(anonymous.stranger().get("/recordings/" + hosted).body()).contains(trollComment);

        Page page = admin.get("/admin/members/" + name[0]);
        assertThat(page.text("[data-status]")).isEqualTo("Active");
        Page noPassword = admin.submit(page, "form[data-suspend-form]", Map.of("reason", "Spam in every comment"));
        assertThat(noPassword.status()).isEqualTo(422);
        assertThat(noPassword.text("#password-help")).contains("Enter your password");
        assertThat(noPassword.document().selectFirst("#reason").text()).as("what was typed is kept").isEqualTo("Spam in every comment");
        Page wrong = admin.submit(page, "form[data-suspend-form]", Map.of("reason", "Spam in every comment", "password", "not it at all"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text("#password-help")).contains("not your password");
        Page noReason = admin.submit(page, "form[data-suspend-form]", Map.of("reason", " ", "password", Members.PASSWORD));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.text("#reason-help")).contains("Say why");

        // The password was given a moment ago: it is not asked again.
        Page fresh = admin.get("/admin/members/" + name[0]);
        assertThat(fresh.document().select("form[data-suspend-form] input[name=password]")).isEmpty();
        Page suspended = admin.submit(fresh, "form[data-suspend-form]", Map.of("reason", "Spam in every comment"));
        assertThat(suspended.status()).isEqualTo(303);
        assertThat(admin.get("/admin/members/" + name[0]).text("[data-status]")).isEqualTo("Suspended: Spam in every comment");

        // Signed out at once, and told why when signing in again.
        Page settings = member.get("/settings/profile");
        assertThat(settings.status()).isEqualTo(303);
        assertThat(settings.location()).startsWith("/signin");
        Page signIn = Members.signIn(anonymous.stranger(), Members.emailOf(name[0]), Members.PASSWORD);
        assertThat(signIn.text(".form-errors")).contains("suspended").contains("Spam in every comment");
        assertThat(anonymous.stranger().get("/recordings/" + theirs).status()).as("their content is hidden with them").isEqualTo(404);
        assertThat(anonymous.stranger().get("/recordings/" + hosted).body()).as("their comments too").doesNotContain(trollComment);

        // Audited, and the log refuses to be changed.
        assertThat(count("SELECT count(*) FROM admin_audit WHERE action = 'member.suspend' AND target_label = ?", name[0])).isEqualTo(1);
        Page audit = admin.get("/admin/audit?action=member.suspend");
        assertThat(audit.document().select("[data-audit] tr[data-action=member.suspend]").text()).contains(name[0])
                .contains("Spam in every comment").contains(adminName);
        assertThat(admin.get("/admin/members/" + name[0]).text("[data-history]")).contains("member.suspend");
        assertThatThrownBy(() -> update("UPDATE admin_audit SET reason = 'nothing happened' WHERE target_label = ?", name[0]))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> update("DELETE FROM admin_audit WHERE target_label = ?", name[0])).hasMessageContaining("append-only");
        String csv = new String(admin.sendBytes("/admin/audit.csv?action=member.suspend"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("id,at,admin,action,target_kind,target_ref,target,reason\r\n").contains(name[0])
                .contains("Spam in every comment");

        // Reinstated: they can sign in again.
        admin.submit(admin.get("/admin/members/" + name[0]), "form[data-reinstate-form]", Map.of());
        assertThat(Members.signIn(anonymous.stranger(), Members.emailOf(name[0]), Members.PASSWORD).status()).isEqualTo(303);
        assertThat(anonymous.stranger().get("/recordings/" + theirs).status()).as("back with them").isEqualTo(200);
        assertThat(anonymous.stranger().get("/recordings/" + hosted).body()).contains(trollComment);
        assertThat(anonymous.stranger().get("/recordings/" + hiddenBefore).status()).as("hidden by a moderator before: still hidden")
                .isEqualTo(404);
        assertThat(admin.get("/admin/members?status=SUSPENDED&q=" + name[0]).document().select("[data-members] tr[data-member]")).isEmpty();
        assertThat(admin.get("/admin/members?q=" + name[0]).document().select("[data-members] tr[data-member]").eachAttr("data-member"))
                .containsExactly(name[0]);
    }

    @Test
    void theAdminRoleIsGrantedAndRevokedButNotTakenFromOneself() {
        String[] name = new String[1];
        WebClient member = member("helper", name);
        admin.submit(admin.get("/admin/members/" + name[0]), "form[data-role-form]", Map.of());
        assertThat(member.get("/admin").status()).as("an admin now").isEqualTo(200);
        admin.submit(admin.get("/admin/members/" + name[0]), "form[data-role-form]", Map.of());
        assertThat(member.get("/admin").status()).as("not any more").isEqualTo(404);
        Page self = admin.submit(admin.get("/admin/members/" + adminName), "form[data-role-form]", Map.of());
        assertThat(admin.get(self.location()).text(".flash-messages")).contains("cannot take your own admin role");
        assertThat(admin.get("/admin").status()).isEqualTo(200);
    }

    @Test
    void theModerationQueueHidesAReportedRecordingWarnsAMemberAndTellsTheReporters() throws Exception {
        // Reports left by earlier test classes in the shared database are not this queue's.
        update("UPDATE reports SET status = 'DISMISSED' WHERE status = ?", "OPEN");
        String[] owner = new String[1];
        WebClient ownerBrowser = member("uploader", owner);
        String recording = Catalogue.recording(owner[0], "Totally original song", Instant.now().minusSeconds(60));
        String[] first = new String[1];
        WebClient reporter = member("reporter", first);
        String[] second = new String[1];
        WebClient another = member("witness", second);
        String reportForm = "form[action=/reports]";
        reporter.submit(reporter.get("/reports/new?kind=RECORDING&ref=" + recording), reportForm,
                Map.of("reason", "COPYRIGHT", "details", "This is my song"));
        another.submit(another.get("/reports/new?kind=RECORDING&ref=" + recording), reportForm, Map.of("reason", "SPAM"));
        reporter.submit(reporter.get("/reports/new?kind=MEMBER&ref=" + owner[0]), reportForm, Map.of("reason", "OFFENSIVE"));

        Page ownerPage = admin.get("/admin/members/" + owner[0]);
        assertThat(ownerPage.document().select("[data-member-recordings] li").eachAttr("data-recording")).containsExactly(recording);
        assertThat(ownerPage.document().select("[data-member-reports] li")).as("two about the recording, one about them").hasSize(3);
        assertThat(ownerPage.text("[data-member-reports]")).contains(first[0]).contains(second[0]).contains("This is my song");
        assertThat(admin.get("/admin/members/" + first[0]).document().select("[data-member-reports] li")).as("filed by them")
                .hasSize(2);

        Page queue = admin.get("/admin/reports");
        Element item = queue.document().selectFirst(".queue-item[data-ref=" + recording + "]");
        assertThat(item.text()).contains("2 reports").contains("Totally original song").contains("This is my song");
        assertThat(item.select(".chip").eachText()).hasSize(2);
        assertThat(admin.get("/admin").text("[data-figure=reports]")).isNotEqualTo("0");

        Page hidden = admin.submit(queue, ".queue-item[data-ref=" + recording + "] form[data-hide]", Map.of("reason", "Copyright claim"));
        assertThat(hidden.status()).isEqualTo(303);
        assertThat(anonymous.get("/recordings/" + recording).status()).as("hidden from everyone").isEqualTo(404);
        Page asOwner = ownerBrowser.get("/recordings/" + recording);
        assertThat(asOwner.status()).isEqualTo(200);
        assertThat(asOwner.text("[data-hidden-notice]")).contains("Copyright claim");
        assertThat(reporter.get("/notifications").body()).contains("handled your report").contains("it was hidden");
        assertThat(another.get("/notifications").body()).contains("handled your report");
        assertThat(admin.get("/admin/reports").document().select(".queue-item[data-ref=" + recording + "]")).as("handled, gone").isEmpty();
        assertThat(count("SELECT count(*) FROM reports WHERE target_ref = ? AND status = 'ACTIONED'", recording)).isEqualTo(2);

        // The member report: a warning, which the member reads in their notifications.
        Page warned = admin.submit(admin.get("/admin/reports"), ".queue-item[data-ref=" + owner[0] + "] form[data-warn]",
                Map.of("message", "Mind your language in comments"));
        assertThat(warned.status()).isEqualTo(303);
        assertThat(ownerBrowser.get("/notifications").body()).contains("warned you").contains("Mind your language in comments");
        assertThat(reporter.get("/notifications").body()).contains("its owner was warned");
        assertThat(admin.get("/admin/reports").text("[data-queue-empty]")).contains("Nothing is waiting");

        // Shown again as it was; every step is in the log.
        admin.post("/admin/recordings/" + recording + "/unhide", form(admin, "reason", "Claim withdrawn"));
        assertThat(anonymous.get("/recordings/" + recording).status()).isEqualTo(200);
        assertThat(admin.get("/admin/audit?q=" + recording).body()).contains("recording.hide").contains("recording.unhide");
        assertThat(admin.get("/admin/audit?action=member.warn").text("[data-audit]")).contains(owner[0]);
    }

    @Test
    void aMessageIsReportedByItsRecipientOnlyAndDeletedFromTheQueue() throws SQLException {
        String[] sender = new String[1];
        WebClient senderBrowser = member("pest", sender);
        String[] recipient = new String[1];
        WebClient recipientBrowser = member("pestered", recipient);
        String[] bystander = new String[1];
        WebClient bystanderBrowser = member("bystander", bystander);
        String body = "Send me your password, " + recipient[0];
        senderBrowser.submit(senderBrowser.get("/messages/" + recipient[0]), "form.message-form", Map.of("body", body));
        String message = String.valueOf(Catalogue.number("SELECT id FROM messages WHERE body = ?", body));

        Page thread = recipientBrowser.get("/messages/" + sender[0]);
        assertThat(thread.document().select(".message-theirs a[data-report]").eachAttr("href"))
                .containsExactly("/reports/new?kind=MESSAGE&ref=" + message);
        assertThat(senderBrowser.get("/reports/new?kind=MESSAGE&ref=" + message).status()).as("not one's own message").isEqualTo(404);
        assertThat(bystanderBrowser.get("/reports/new?kind=MESSAGE&ref=" + message).status()).as("nor someone else's").isEqualTo(404);
        Page form = recipientBrowser.get("/reports/new?kind=MESSAGE&ref=" + message);
        assertThat(form.body()).contains("a message from " + sender[0]);
        assertThat(recipientBrowser.submit(form, "form[action=/reports]", Map.of("reason", "SPAM", "details", "Phishing")).status())
                .isEqualTo(303);

        Page queue = admin.get("/admin/reports");
        Element item = queue.document().selectFirst(".queue-item[data-target=MESSAGE][data-ref=" + message + "]");
        assertThat(item.text()).contains(sender[0]).contains(body).contains("Phishing");
        Page noReason = admin.submit(queue, ".queue-item[data-target=MESSAGE][data-ref=" + message + "] form[data-delete-reported]",
                Map.of("reason", " "));
        assertThat(admin.get(noReason.location()).text(".flash-messages")).contains("Say why");
        Page deleted = admin.submit(admin.get("/admin/reports"),
                ".queue-item[data-target=MESSAGE][data-ref=" + message + "] form[data-delete-reported]", Map.of("reason", "Phishing"));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(recipientBrowser.get("/messages/" + sender[0]).body()).doesNotContain(body);
        assertThat(recipientBrowser.get("/notifications").body()).contains("handled your report").contains("it was deleted");
        assertThat(admin.get("/admin/reports").document().select(".queue-item[data-target=MESSAGE][data-ref=" + message + "]")).isEmpty();
        assertThat(count("SELECT count(*) FROM admin_audit WHERE action = 'message.delete' AND target_ref = ?", message)).isEqualTo(1);
    }

    @Test
    void theDashboardShowsTheFiguresAndThirtyDaysOfCharts() throws SQLException {
        String[] owner = new String[1];
        member("counted", owner);
        String counted = Catalogue.recording(owner[0], "Counted song", Instant.now().minusSeconds(60));
        Catalogue.update("UPDATE recordings SET original_size = 1048576 WHERE public_id = ?", counted);
        long uploadedBytes = Catalogue.number("SELECT coalesce(sum(original_size), 0) FROM recordings WHERE origin = 'UPLOAD'");
        Page dashboard = admin.get("/admin");
        assertThat(Long.parseLong(dashboard.text("[data-figure=recordings] a")))
                .isEqualTo(Catalogue.number("SELECT count(*) FROM recordings WHERE id > ?", 0));
        assertThat(Long.parseLong(dashboard.text("[data-figure=projects] a"))).isEqualTo(Catalogue.number("SELECT count(*) FROM projects WHERE id > ?", 0));
        assertThat(dashboard.text("[data-storage] tr[data-kind=UPLOAD] td:nth-child(3)"))
                .isEqualTo(new com.soundhub.projects.ProjectFormat().size(uploadedBytes));
        assertThat(dashboard.document().select("[data-storage] tr[data-kind=PROJECT_FILES]")).hasSize(1);
        assertThat(dashboard.text("[data-figure=jobs-dead]")).matches("[0-9]+");
        assertThat(Long.parseLong(dashboard.text("[data-figure=members]"))).isGreaterThanOrEqualTo(1);
        assertThat(Long.parseLong(dashboard.text("[data-figure=admins]"))).isGreaterThanOrEqualTo(1);
        assertThat(dashboard.document().select("[data-chart]").eachAttr("data-chart"))
                .containsExactly("Sign-ups", "Uploads", "Plays", "Generated pieces");
        Element signUps = dashboard.document().selectFirst("[data-chart=Sign-ups] svg");
        assertThat(signUps.select("rect.bar")).hasSize(30);
        // Today has at least this test's admin: the last bar is drawn, and says so.
        Element today = signUps.select("rect.bar").last();
        assertThat(Double.parseDouble(today.attr("height"))).isPositive();
        assertThat(today.selectFirst("title").text()).startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    }

    @Test
    void theJobQueueIsListedByKindAndAJobIsRunAgainOnRequest() throws Exception {
        Page jobs = admin.get("/admin/jobs");
        assertThat(jobs.document().select("[data-job-kinds] tr[data-kind]").eachAttr("data-kind")).contains("release-media-lanes");
        Page recurring = admin.get("/admin/jobs?kind=release-media-lanes");
        assertThat(recurring.document().select("[data-jobs] tr[data-job]").eachAttr("data-job")).containsExactly("recurring");
        Page again = admin.post("/admin/jobs/retry", form(admin, "kind", "release-media-lanes", "instance", "recurring"));
        assertThat(again.status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM admin_audit WHERE action = 'job.retry' AND target_label = ?", "release-media-lanes"))
                .isGreaterThanOrEqualTo(1);
        assertThat(admin.get("/admin/jobs?state=bogus").status()).as("an unknown state lists every job").isEqualTo(200);
    }

    @Test
    void siteSettingsCloseSignUpsLimitUploadsAndAnnounceKeepingWhatWasTypedWhenWrong() throws Exception {
        Page form = admin.get("/admin/settings");
        Page wrong = admin.submit(form, "form[data-settings-form]", Map.of("uploadMaxMegabytes", "fifty", "uploadMaxMinutes", "99999"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text("#uploadMaxMegabytes-help")).contains("whole number");
        assertThat(wrong.document().selectFirst("#uploadMaxMegabytes").val()).as("what was typed is kept").isEqualTo("fifty");
        Page outOfRange = admin.submit(form, "form[data-settings-form]", Map.of("uploadMaxMinutes", "9999"));
        assertThat(outOfRange.status()).isEqualTo(422);
        assertThat(outOfRange.text("#uploadMaxMinutes-help")).contains("at most 600");

        String announcement = "Maintenance tonight " + adminName;
        try {
            Page saved = admin.submit(form, "form[data-settings-form]", Map.of("signUpsOpen", "", "uploadMaxMegabytes", "7",
                    "announcement", announcement, "reason", "spam wave"));
            assertThat(saved.status()).isEqualTo(303);
            // Unchecked: the browser sends no signUpsOpen at all.
            assertThat(admin.get("/admin/settings").document().selectFirst("#signUpsOpen").hasAttr("checked")).isFalse();

            WebClient newcomer = anonymous.stranger();
            Page signUpPage = newcomer.get("/signup");
            assertThat(signUpPage.text("[data-sign-ups-closed]")).contains("closed");
            String nickname = Members.uniqueNickname("late");
            Page refused = newcomer.submit(signUpPage, "form[action=/signup]",
                    Map.of("email", Members.emailOf(nickname), "nickname", nickname, "password", Members.PASSWORD));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.text(".form-errors")).contains("Sign-ups are closed");
            assertThat(refused.document().selectFirst("#email").val()).isEqualTo(Members.emailOf(nickname));

            assertThat(anonymous.get("/").text("[data-announcement]")).as("on the pages kept for visitors too").isEqualTo(announcement);
            assertThat(admin.get("/uploads/new").text("#file-help")).contains("up to 7 MB");
            assertThat(admin.get("/admin/audit?action=settings.save").text("[data-audit]")).contains("sign-ups closed")
                    .contains("largest upload as configured \u2192 7 MB").contains("spam wave");
        } finally {
            admin.submit(admin.get("/admin/settings"), "form[data-settings-form]",
                    Map.of("signUpsOpen", "on", "uploadMaxMegabytes", "", "announcement", ""));
        }
        assertThat(anonymous.get("/").document().select("[data-announcement]")).isEmpty();
        assertThat(anonymous.stranger().get("/signup").document().select("[data-sign-ups-closed]")).isEmpty();
    }

    @Test
    void genresAreCreatedRenamedReorderedAndMergedMovingEveryRecordingProjectAndFavourite() throws Exception {
        String suffix = adminName.substring(adminName.indexOf('-') + 1);
        Page created = admin.submit(admin.get("/admin/taxonomy"), "#genres form[data-create-form]", Map.of("name", "Chip " + suffix));
        assertThat(created.status()).isEqualTo(303);
        admin.submit(admin.get("/admin/taxonomy"), "#genres form[data-create-form]", Map.of("name", "Chiptune " + suffix));
        Page taken = admin.submit(admin.get("/admin/taxonomy"), "#genres form[data-create-form]", Map.of("name", "chip " + suffix));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.text("#genre-new-help")).contains("already");
        assertThat(taken.document().selectFirst("#genre-new").val()).isEqualTo("chip " + suffix);

        long chip = Catalogue.number("SELECT id FROM genres WHERE name = ?", "Chip " + suffix);
        long chiptune = Catalogue.number("SELECT id FROM genres WHERE name = ?", "Chiptune " + suffix);
        assertThat(genreOptions(admin)).as("every form shows it at once").contains("Chip " + suffix, "Chiptune " + suffix);

        // Reordered: the newest is last; moved up, it comes before the other.
        admin.post("/admin/taxonomy/genres/" + chiptune + "/move", form(admin, "direction", "up"));
        List<String> options = genreOptions(admin);
        assertThat(options.indexOf("Chiptune " + suffix)).isLessThan(options.indexOf("Chip " + suffix));

        // Tagged things: two recordings, a project, a member's favourite.
        String[] owner = new String[1];
        member("chipper", owner);
        String first = Catalogue.recording(owner[0], "Blip one", "", null, "CC_BY", Instant.now().minusSeconds(30));
        String second = Catalogue.recording(owner[0], "Blip two", "", null, "CC_BY", Instant.now().minusSeconds(20));
        Catalogue.update("UPDATE recordings SET genre_id = ? WHERE public_id IN (?, ?)", (short) chip, first, second);
        Catalogue.update("INSERT INTO member_favourite_genres (member_id, genre_id) SELECT id, ? FROM members WHERE nickname = ?",
                (short) chip, owner[0]);
        Catalogue.update("UPDATE projects SET genre_id = ? WHERE id = (SELECT max(id) FROM projects)", (short) chip);
        long projectsTagged = Catalogue.number("SELECT count(*) FROM projects WHERE genre_id = ?", (short) chip);

        Page renamed = admin.post("/admin/taxonomy/genres/" + chiptune + "/rename", form(admin, "name", "Bitpop " + suffix));
        assertThat(renamed.status()).isEqualTo(303);
        Page merged = admin.post("/admin/taxonomy/genres/" + chip + "/merge", form(admin, "into", String.valueOf(chiptune)));
        assertThat(merged.status()).isEqualTo(303);

        assertThat(Catalogue.number("SELECT count(*) FROM genres WHERE id = ?", (short) chip)).as("merged away").isZero();
        assertThat(Catalogue.number("SELECT count(*) FROM recordings WHERE genre_id = ? AND public_id IN (?, ?)", (short) chiptune,
                first, second)).isEqualTo(2);
        assertThat(Catalogue.number("SELECT count(*) FROM projects WHERE genre_id = ?", (short) chiptune)).isEqualTo(projectsTagged);
        assertThat(Catalogue.number("SELECT count(*) FROM member_favourite_genres f JOIN members m ON m.id = f.member_id "
                + "WHERE m.nickname = ? AND f.genre_id = ?", owner[0], (short) chiptune)).isEqualTo(1);
        assertThat(Catalogue.number("SELECT count(*) FROM recordings WHERE public_id = ? AND search_text LIKE ?", first,
                "%Bitpop " + suffix + "%")).as("search finds it by the new name").isEqualTo(1);
        assertThat(anonymous.get("/recordings/" + first).body()).contains("Bitpop " + suffix);
        assertThat(genreOptions(admin)).contains("Bitpop " + suffix).doesNotContain("Chip " + suffix, "Chiptune " + suffix);
        assertThat(admin.get("/admin/audit?kind=GENRE&ref=" + chiptune).text("[data-audit]")).contains("taxonomy.merge")
                .contains("taxonomy.rename");
        Page self = admin.post("/admin/taxonomy/genres/" + chiptune + "/merge", form(admin, "into", String.valueOf(chiptune)));
        assertThat(admin.get(self.location()).text(".flash-messages")).contains("another genre");
    }

    @Test
    void twentySpamRecordingsAreFoundAndHiddenAtOnce() throws SQLException {
        String[] spammer = new String[1];
        WebClient spammerBrowser = member("spammer", spammer);
        List<String> spam = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            spam.add(Catalogue.recording(spammer[0], "Buy followers " + i, Instant.now().minusSeconds(100 - i)));
        }
        String[] honest = new String[1];
        member("honest", honest);
        String innocent = Catalogue.recording(honest[0], "Buy followers? A protest song", Instant.now());

        Page listed = admin.get("/admin/recordings?q=" + spammer[0]);
        List<String> newestFirst = new java.util.ArrayList<>(spam);
        java.util.Collections.reverse(newestFirst);
        assertThat(listed.document().select("[data-recordings] tr[data-recording]").eachAttr("data-recording"))
                .as("newest first").containsExactlyElementsOf(newestFirst);
        assertThat(admin.get("/admin/recordings?q=buy+followers").document().select("tr[data-recording]").eachAttr("data-recording"))
                .contains(innocent).containsAll(spam);

        Page nothingChosen = admin.submit(listed, "form[data-bulk-hide]", Map.of("reason", "Spam"));
        assertThat(nothingChosen.status()).isEqualTo(422);
        assertThat(nothingChosen.text("#reason-help")).contains("Choose the recordings");
        assertThat(nothingChosen.document().selectFirst("#reason").val()).as("what was typed is kept").isEqualTo("Spam");

        StringBuilder body = new StringBuilder("_csrf=" + listed.csrfToken() + "&reason=Follower+spam");
        spam.forEach(id -> body.append("&ids=").append(id));
        Page hidden = admin.send(java.net.http.HttpRequest.newBuilder(admin.base().resolve("/admin/recordings/hide"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(hidden.status()).isEqualTo(303);
        assertThat(admin.get(hidden.location()).text(".flash-messages")).contains("20 recordings are hidden");
        for (String id : spam) {
            assertThat(anonymous.get("/recordings/" + id).status()).as(id).isEqualTo(404);
        }
        assertThat(anonymous.get("/recordings/" + innocent).status()).isEqualTo(200);
        assertThat(spammerBrowser.get("/recordings/" + spam.get(0)).text("[data-hidden-notice]")).contains("Follower spam");
        assertThat(admin.get("/admin/recordings?hidden=on&q=" + spammer[0]).document().select("tr[data-recording]")).hasSize(20);
        assertThat(count("SELECT count(*) FROM admin_audit WHERE action = 'recording.hide' AND reason = ?", "Follower spam"))
                .isEqualTo(20);
        Page asAdmin = admin.get("/recordings/" + spam.get(0));
        assertThat(asAdmin.status()).as("admins see what was hidden").isEqualTo(200);
        assertThat(asAdmin.text("[data-hidden-notice]")).contains("Follower spam");

        // Two of them deleted for good: gone for their owner too, and audited.
        StringBuilder deleteBody = new StringBuilder("_csrf=" + listed.csrfToken() + "&reason=Repeat+offender");
        spam.subList(0, 2).forEach(id -> deleteBody.append("&ids=").append(id));
        Page deleted = admin.send(java.net.http.HttpRequest.newBuilder(admin.base().resolve("/admin/recordings/delete"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(deleteBody.toString())));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(spammerBrowser.get("/recordings/" + spam.get(0)).status()).isEqualTo(404);
        assertThat(Catalogue.number("SELECT count(*) FROM recordings WHERE public_id IN (?, ?)", spam.get(0), spam.get(1))).isZero();
        assertThat(count("SELECT count(*) FROM admin_audit WHERE action = 'recording.delete' AND reason = ?", "Repeat offender"))
                .isEqualTo(2);
        assertThat(admin.get("/admin/recordings?q=" + spammer[0]).document().select("tr[data-recording]")).hasSize(18);
    }

    @Test
    void deadAndStuckUploadsAreListedWithTheirTransitionsAndADeadOneIsRetried() {
        String[] owner = new String[1];
        member("unlucky", owner);
        String recording = Catalogue.recording(owner[0], "Broken take", Instant.now());
        java.util.UUID dead = java.util.UUID.randomUUID();
        java.util.UUID stuck = java.util.UUID.randomUUID();
        for (java.util.UUID id : List.of(dead, stuck)) {
            boolean isDead = id.equals(dead);
            Catalogue.update("INSERT INTO uploads (id, owner_id, recording_id, state, file_name, declared_size, declared_type, object_key, "
                            + "attempts, reason, updated_at, expires_at) SELECT ?, owner_id, id, ?, ?, 1000, 'audio/wav', ?, ?, ?, "
                            + "now() - interval '2 hours', now() + interval '1 hour' FROM recordings WHERE public_id = ?",
                    id, isDead ? "DEAD" : "TRANSCODING", isDead ? "dead-take.wav" : "stuck-take.wav", "incoming/" + id, isDead ? 4 : 1,
                    isDead ? "ffmpeg failed (exit 1): Connection reset by peer" : null, recording);
            Catalogue.update("INSERT INTO upload_transitions (upload_id, from_state, to_state, detail) VALUES (?, NULL, 'AWAITING_UPLOAD', ?)",
                    id, "Slot given");
            Catalogue.update("INSERT INTO upload_transitions (upload_id, from_state, to_state, detail) VALUES (?, 'AWAITING_UPLOAD', ?, ?)",
                    id, isDead ? "DEAD" : "TRANSCODING", isDead ? "Gave up after 4 attempts" : "Transcoding");
        }

        Page deadList = admin.get("/admin/uploads");
        Element deadItem = deadList.document().selectFirst("[data-upload=" + dead + "]");
        assertThat(deadItem.text()).contains("dead-take.wav").contains(owner[0]).contains("Connection reset by peer");
        assertThat(deadItem.select("[data-transitions] li").eachText()).hasSize(2).last().asString().contains("Gave up after 4 attempts");
        assertThat(deadList.document().select("[data-upload=" + stuck + "]")).as("not dead").isEmpty();
        assertThat(admin.get("/admin/uploads?show=stuck").document().select("[data-upload=" + stuck + "]")).hasSize(1);

        Page retried = admin.submit(deadList, "[data-upload=" + dead + "] form[data-retry-upload]", Map.of());
        assertThat(retried.status()).isEqualTo(303);
        assertThat(Catalogue.number("SELECT count(*) FROM upload_transitions WHERE upload_id = ? AND detail = ?", dead,
                "Retry asked for by an admin")).isEqualTo(1);
        assertThat(Catalogue.number("SELECT count(*) FROM admin_audit WHERE action = 'upload.retry' AND target_ref = ?", dead.toString()))
                .isEqualTo(1);
    }

    @Test
    void twentySpamCommentsAreFoundAndDeletedAtOnceAndOneIsHiddenAndShownAgain() throws SQLException {
        String[] spammer = new String[1];
        member("commenter", spammer);
        String[] owner = new String[1];
        member("listened", owner);
        String recording = Catalogue.recording(owner[0], "Quiet song", Instant.now());
        for (int i = 0; i < 20; i++) {
            Catalogue.update("INSERT INTO comments (recording_id, author_id, body) SELECT r.id, m.id, ? FROM recordings r, members m "
                    + "WHERE r.public_id = ? AND m.nickname = ?", "Free followers at spam.example " + i, recording, spammer[0]);
        }
        Catalogue.update("INSERT INTO comments (recording_id, author_id, body) SELECT r.id, m.id, ? FROM recordings r, members m "
                + "WHERE r.public_id = ? AND m.nickname = ?", "Lovely, and no free followers needed", recording, owner[0]);
        Catalogue.update("UPDATE recordings SET comment_count = 21 WHERE public_id = ?", recording);

        Page listed = admin.get("/admin/comments?q=" + spammer[0]);
        List<String> spam = listed.document().select("[data-comments] tr[data-comment]").eachAttr("data-comment");
        assertThat(spam).hasSize(20);
        assertThat(listed.text("[data-comments]")).contains("Quiet song");
        assertThat(admin.get("/admin/comments?q=free+followers").document().select("tr[data-comment]")).hasSize(21);

        Page nothingChosen = admin.submit(listed, "form[data-bulk-hide]", Map.of("reason", "Link spam"));
        assertThat(nothingChosen.status()).isEqualTo(422);
        assertThat(nothingChosen.text("#reason-help")).contains("Choose the comments");
        assertThat(nothingChosen.document().selectFirst("#reason").val()).isEqualTo("Link spam");

        // The owner's own comment, hidden by mistake and shown again.
        String kind = "Lovely, and no free followers needed";
        Page ownersComment = admin.get("/admin/comments?q=no+free+followers");
        String good = ownersComment.document().selectFirst("tr[data-comment]").attr("data-comment");
        Page hidden = admin.submit(ownersComment, "form[data-bulk-hide]", Map.of("ids", good, "reason", "Looked like spam"));
        assertThat(hidden.status()).isEqualTo(303);
        Page hiddenOnPage = anonymous.stranger().get("/recordings/" + recording);
        assertThat(hiddenOnPage.body()).as("gone from the page, with no replies to keep its place").doesNotContain(kind);
        assertThat(admin.get("/admin/comments?q=no+free+followers").text("[data-hidden]")).isEqualTo("Hidden: Looked like spam");
        admin.post("/admin/comments/" + good + "/unhide", form(admin, "reason", "It was fine"));
        assertThat(anonymous.stranger().get("/recordings/" + recording).body()).contains(kind);
        assertThat(count("SELECT count(*) FROM admin_audit WHERE action IN ('comment.hide', 'comment.unhide') AND target_ref = ?", good))
                .isEqualTo(2);

        StringBuilder body = new StringBuilder("_csrf=" + listed.csrfToken() + "&reason=Link+spam");
        spam.forEach(id -> body.append("&ids=").append(id));
        Page deleted = admin.send(java.net.http.HttpRequest.newBuilder(admin.base().resolve("/admin/comments/delete"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(admin.get(deleted.location()).text(".flash-messages")).contains("20 comments are deleted");
        String page = anonymous.stranger().get("/recordings/" + recording).body();
        assertThat(page).doesNotContain("spam.example").contains("no free followers needed");
        assertThat(Catalogue.number("SELECT comment_count FROM recordings WHERE public_id = ?", recording)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM admin_audit WHERE action = 'comment.delete' AND reason = ?", "Link spam")).isEqualTo(20);
    }

    @Test
    void aProjectIsHiddenShownAgainAndDeletedByAnAdmin() {
        String[] owner = new String[1];
        WebClient ownerBrowser = member("producer", owner);
        String title = "Public band " + owner[0];
        Page created = ownerBrowser.submit(ownerBrowser.get("/projects/new"), "form[action=/projects/new]",
                Map.of("title", title, "visibility", "PUBLIC", "license", "CC_BY"));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String project = created.location().substring("/projects/".length());
        assertThat(anonymous.stranger().get("/projects/" + project).status()).isEqualTo(200);

        Page listed = admin.get("/admin/projects?q=" + owner[0]);
        assertThat(listed.document().select("[data-projects] tr[data-project]").eachAttr("data-project")).containsExactly(project);
        assertThat(listed.text("[data-projects]")).contains("Public").contains(owner[0]);
        Page noReason = admin.submit(listed, "form[data-bulk-hide]", Map.of("ids", project, "reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.text("#reason-help")).contains("Say why");
        assertThat(noReason.document().selectFirst("#choose-" + project).hasAttr("checked")).as("the choice is kept").isTrue();

        Page hidden = admin.submit(listed, "form[data-bulk-hide]", Map.of("ids", project, "reason", "Stolen stems"));
        assertThat(hidden.status()).isEqualTo(303);
        assertThat(anonymous.stranger().get("/projects/" + project).status()).as("hidden from everyone").isEqualTo(404);
        assertThat(anonymous.stranger().get("/projects").body()).doesNotContain(title);
        Page asOwner = ownerBrowser.get("/projects/" + project);
        assertThat(asOwner.status()).isEqualTo(200);
        assertThat(asOwner.text("[data-hidden-notice]")).contains("Stolen stems");
        assertThat(admin.get("/projects/" + project).status()).as("admins still see it").isEqualTo(200);
        assertThat(admin.get("/admin/projects?q=" + owner[0]).text("[data-projects]")).contains("Hidden: Stolen stems");

        admin.post("/admin/projects/" + project + "/unhide", form(admin, "reason", "Licence shown"));
        assertThat(anonymous.stranger().get("/projects/" + project).status()).as("public again, as its owner chose").isEqualTo(200);

        // Deleted for good (the bulk form's second button).
        Page deleted = admin.post("/admin/projects/delete", form(admin, "ids", project, "reason", "Abandoned spam project"));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(ownerBrowser.get("/projects/" + project).status()).as("gone for its owner too").isEqualTo(404);
        assertThat(Catalogue.number("SELECT count(*) FROM admin_audit WHERE target_ref = ? AND action IN "
                + "('project.hide', 'project.unhide', 'project.delete')", project)).isEqualTo(3);
    }

    @Test
    void aSpammerIsDeletedWithWhatTheyMadeAndTheirEmailCanSignUpAgain() throws SQLException {
        String[] name = new String[1];
        WebClient spammer = member("spammer", name);
        String theirs = Catalogue.recording(name[0], "Spam song", Instant.now().minusSeconds(60));
        String[] host = new String[1];
        member("victim", host);
        String hosted = Catalogue.recording(host[0], "Victim song", Instant.now().minusSeconds(60));
        String spam = "Buy followers from " + name[0];
        Catalogue.update("INSERT INTO comments (recording_id, author_id, body) SELECT r.id, m.id, ? FROM recordings r, members m "
                + "WHERE r.public_id = ? AND m.nickname = ?", spam, hosted, name[0]);
        Catalogue.update("UPDATE recordings SET comment_count = 1 WHERE public_id = ?", hosted);
        Page created = spammer.submit(spammer.get("/projects/new"), "form[action=/projects/new]",
                Map.of("title", "Spam project " + name[0], "visibility", "PUBLIC", "license", "CC_BY"));
        String project = created.location().substring("/projects/".length());
        long id = Catalogue.number("SELECT id FROM members WHERE nickname = ?", name[0]);

        // No choice made: refused, with the reason kept and the account untouched.
        Page page = admin.get("/admin/members/" + name[0]);
        Page unchosen = admin.submit(page, "form[data-delete-member-form]", Map.of("reason", "Spam account", "password", Members.PASSWORD));
        assertThat(unchosen.status()).isEqualTo(422);
        assertThat(unchosen.text("#delete-content-help")).contains("Choose what happens");
        assertThat(unchosen.document().selectFirst("#delete-reason").val()).isEqualTo("Spam account");
        assertThat(spammer.get("/settings/profile").status()).isEqualTo(200);

        Page deleted = admin.submit(admin.get("/admin/members/" + name[0]), "form[data-delete-member-form]",
                Map.of("content", "remove", "reason", "Spam account", "password", Members.PASSWORD));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(303);
        assertThat(spammer.get("/settings/profile").status()).as("signed out at once").isEqualTo(303);
        assertThat(anonymous.stranger().get("/members/" + name[0]).status()).isEqualTo(404);
        assertThat(anonymous.stranger().get("/recordings/" + theirs).status()).isEqualTo(404);
        assertThat(anonymous.stranger().get("/projects/" + project).status()).as("a project only they belonged to").isEqualTo(404);
        Page victim = anonymous.stranger().get("/recordings/" + hosted);
        assertThat(victim.body()).doesNotContain(spam);
        assertThat(Catalogue.number("SELECT comment_count FROM recordings WHERE public_id = ?", hosted)).isZero();
        assertThat(Members.signIn(anonymous.stranger(), Members.emailOf(name[0]), Members.PASSWORD).status())
                .as("nobody signs in as them").isEqualTo(422);

        // The admin list keeps a tombstone; the audit log says who did it and why.
        Page list = admin.get("/admin/members?status=DELETED&q=former-member-" + id);
        assertThat(list.document().select("[data-members] tr[data-member]").eachAttr("data-member")).containsExactly("former-member-" + id);
        assertThat(admin.get("/admin/members/former-member-" + id).text("[data-status]")).isEqualTo("Deleted");
        assertThat(admin.get("/admin/members/former-member-" + id).document().select("form[data-delete-member-form]")).isEmpty();
        assertThat(count("SELECT count(*) FROM admin_audit WHERE action = 'member.delete-with-content' AND target_label = ?", name[0]))
                .isEqualTo(1);

        // The address and the nickname are free again.
        WebClient again = anonymous.stranger();
        Page signUp = again.submit(again.get("/signup"), "form[action=/signup]",
                Map.of("email", Members.emailOf(name[0]), "nickname", name[0], "password", Members.PASSWORD));
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(303);
        assertThat(again.get("/settings/profile").status()).isEqualTo(200);
        WebClient impostor = anonymous.stranger();
        Page reserved = impostor.submit(impostor.get("/signup"), "form[action=/signup]",
                Map.of("email", "x" + id + "@example.com", "nickname", "former-member-" + (id + 1000), "password", Members.PASSWORD));
        assertThat(reserved.status()).isEqualTo(422);
        assertThat(reserved.body()).contains("kept for deleted accounts");
    }

    @Test
    void listsAreSortedAndPagedByKeysWithoutRepeatingOrSkippingTies() {
        String[] owner = new String[1];
        member("prolific", owner);
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 53; i++) {
            String id = Catalogue.recording(owner[0], "Take " + i, Instant.now().minusSeconds(600 - i));
            // Ties on purpose, across the page boundary: only the id breaks them.
            Catalogue.update("UPDATE recordings SET play_count = ? WHERE public_id = ?", i % 4, id);
            made.add(id);
        }
        Page first = admin.get("/admin/recordings?sort=MOST_PLAYED&q=" + owner[0]);
        List<String> seen = new java.util.ArrayList<>(first.document().select("[data-recordings] tr[data-recording]").eachAttr("data-recording"));
        assertThat(seen).hasSize(50);
        assertThat(first.document().selectFirst("th[aria-sort]").text()).isEqualTo("Plays");
        Page second = admin.get(first.document().selectFirst("a[data-next-page]").attr("href"));
        seen.addAll(second.document().select("[data-recordings] tr[data-recording]").eachAttr("data-recording"));
        assertThat(second.document().select("a[data-next-page]")).isEmpty();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
        List<Integer> plays = new java.util.ArrayList<>();
        first.document().select("[data-recordings] [data-plays]").forEach(cell -> plays.add(Integer.parseInt(cell.text())));
        second.document().select("[data-recordings] [data-plays]").forEach(cell -> plays.add(Integer.parseInt(cell.text())));
        assertThat(plays).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        Page oldest = admin.get("/admin/recordings?sort=OLDEST&q=" + owner[0]);
        assertThat(oldest.document().select("[data-recordings] tr[data-recording]").eachAttr("data-recording"))
                .containsExactlyElementsOf(made.subList(0, 50));

        String[] zed = new String[1];
        String[] abe = new String[1];
        member("zed-sorted", zed);
        member("abe-sorted", abe);
        Page byName = admin.get("/admin/members?sort=NICKNAME&q=-sorted-");
        assertThat(byName.document().select("[data-members] tr[data-member]").eachAttr("data-member")).containsSubsequence(abe[0], zed[0]);
        Page newest = admin.get("/admin/members?q=-sorted-");
        assertThat(newest.document().select("[data-members] tr[data-member]").eachAttr("data-member")).containsSubsequence(abe[0], zed[0]);
        assertThat(admin.get("/admin/members?sort=NICKNAME&after=" + "x".repeat(300)).status()).as("a bad cursor is ignored").isEqualTo(200);
    }

    private static List<String> genreOptions(WebClient who) {
        return who.get("/uploads/new").document().select("select#genre option").eachText();
    }

    @Test
    void theOtherInstanceSignsASuspendedMemberOutAndFollowsSettingsAndTaxonomyAtOnce() throws Exception {
        String[] name = new String[1];
        WebClient member = member("roamer", name);
        try (PayaraProcess second = ExtraInstance.start("admin-second-instance", env -> { })) {
            second.awaitReady(Duration.ofMinutes(4));
            WebClient memberOnSecond = member.sameBrowserAt(second.baseUri());
            WebClient visitorOnSecond = anonymous.stranger().sameBrowserAt(second.baseUri());
            assertThat(memberOnSecond.get("/settings/profile").status()).isEqualTo(200);
            // The second instance keeps its own copies of the lists and settings from here on.
            List<String> genresBefore = genreOptions(memberOnSecond);
            assertThat(visitorOnSecond.get("/").document().select("[data-announcement]")).isEmpty();

            admin.submit(admin.get("/admin/members/" + name[0]), "form[data-suspend-form]",
                    Map.of("reason", "Roaming spam", "password", Members.PASSWORD));
            Page afterSuspension = memberOnSecond.get("/settings/profile");
            assertThat(afterSuspension.status()).as("signed out on the second instance at once").isEqualTo(303);
            assertThat(afterSuspension.location()).startsWith("/signin");

            String announcement = "Read-only soon " + name[0];
            String genre = "Second " + name[0].substring(name[0].indexOf('-') + 1);
            try {
                admin.submit(admin.get("/admin/settings"), "form[data-settings-form]",
                        Map.of("signUpsOpen", "on", "announcement", announcement));
                admin.submit(admin.get("/admin/taxonomy"), "#genres form[data-create-form]", Map.of("name", genre));
                assertThat(eventually(() -> visitorOnSecond.get("/").text("[data-announcement]"), announcement::equals))
                        .as("the announcement on the second instance").isEqualTo(announcement);
                WebClient adminOnSecond = admin.sameBrowserAt(second.baseUri());
                List<String> genresAfter = eventually(() -> genreOptions(adminOnSecond), list -> list.contains(genre));
                assertThat(genresAfter).as("the new genre in the second instance's forms").contains(genre)
                        .hasSize(genresBefore.size() + 1);
            } finally {
                admin.submit(admin.get("/admin/settings"), "form[data-settings-form]", Map.of("signUpsOpen", "on", "announcement", ""));
            }
        }
    }

    /** Asks until the answer is accepted, for at most five seconds (a notice between instances takes milliseconds). */
    private static <T> T eventually(java.util.function.Supplier<T> ask, java.util.function.Predicate<T> accepted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        T answer = ask.get();
        while (!accepted.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = ask.get();
        }
        return answer;
    }
}
