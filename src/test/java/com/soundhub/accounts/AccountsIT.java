package com.soundhub.accounts;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.soundhub.testing.Catalogue;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Mailbox;
import com.soundhub.testing.Members;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.Uploads;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up, sign-in, sign-out, lockout, settings: through real HTTP against Payara Micro. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    WebClient browser;

    @BeforeEach
    void openBrowser() {
        browser = new WebClient(Deployments.base(deployed));
    }

    @Test
    void signingUpCreatesTheAccountSignsInAndGreets() throws Exception {
        String nickname = Members.uniqueNickname("newcomer");
        Page form = browser.get("/signup");
        assertThat(form.status()).isEqualTo(200);

        Page done = browser.submit(form, "form[action=/signup]",
                Map.of("email", Members.emailOf(nickname), "nickname", nickname, "password", Members.PASSWORD));

        assertThat(done.status()).isEqualTo(303);
        assertThat(done.location()).isEqualTo("/");
        Page home = browser.get("/");
        assertThat(home.text(".flash-success")).contains("Welcome to SoundHub, " + nickname);
        assertThat(home.text(".site-nav")).contains(nickname).contains("Sign out").doesNotContain("Sign in");
        assertThat(browser.get("/").text(".flash")).as("a flash message shows once").isNull();

        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement("SELECT password_hash FROM members WHERE nickname = ?")) {
            query.setString(1, nickname);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1))
                        .as("stored as a slow, salted hash, never as typed")
                        .startsWith("PBKDF2WithHmacSHA256:600000:")
                        .doesNotContain(Members.PASSWORD);
            }
        }
    }

    @Test
    void invalidSignUpExplainsEachFieldAndKeepsWhatWasTyped() {
        Page form = browser.get("/signup");
        Page answer = browser.submit(form, "form[action=/signup]",
                Map.of("email", "not-an-email", "nickname", "<b>bad nick</b>", "password", "short"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("#email-help")).contains("email address like name@example.com");
        assertThat(answer.text("#nickname-help")).contains("letters, digits");
        assertThat(answer.text("#password-help")).contains("10 to 128 characters");
        assertThat(answer.document().selectFirst("#email").val()).isEqualTo("not-an-email");
        assertThat(answer.document().selectFirst("#nickname").val()).isEqualTo("<b>bad nick</b>");
        assertThat(answer.document().selectFirst("#password").val()).as("passwords are never sent back").isEmpty();
        assertThat(answer.document().selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(answer.body()).doesNotContain("<b>bad nick</b>");
    }

    @Test
    void emailAndNicknameAreUniqueWhateverTheirCase() {
        String nickname = Members.signUp(browser.stranger(), "taken");

        Page sameEmail = browser.submit(browser.get("/signup"), "form[action=/signup]", Map.of(
                "email", Members.emailOf(nickname).toUpperCase(), "nickname", Members.uniqueNickname("other"),
                "password", Members.PASSWORD));
        assertThat(sameEmail.status()).isEqualTo(422);
        assertThat(sameEmail.text("#email-help")).contains("already an account with this email");

        Page sameNickname = browser.submit(browser.get("/signup"), "form[action=/signup]", Map.of(
                "email", Members.emailOf(Members.uniqueNickname("fresh")), "nickname", nickname.toUpperCase(),
                "password", Members.PASSWORD));
        assertThat(sameNickname.status()).isEqualTo(422);
        assertThat(sameNickname.text("#nickname-help")).contains("nickname is taken");
    }

    @Test
    void weakPasswordsAreRefusedWithAReason() {
        String nickname = Members.uniqueNickname("weak");
        Page answer = browser.submit(browser.get("/signup"), "form[action=/signup]",
                Map.of("email", Members.emailOf(nickname), "nickname", nickname, "password", "password123"));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("#password-help")).contains("too easy to guess");
    }

    @Test
    void signInWithTheRightPasswordAndSignOutAgain() {
        String nickname = Members.signUp(browser.stranger(), "returning");

        Page signedIn = Members.signIn(browser, Members.emailOf(nickname).toUpperCase(), Members.PASSWORD);
        assertThat(signedIn.status()).isEqualTo(303);
        Page home = browser.get("/");
        assertThat(home.text(".flash-success")).contains("Welcome back, " + nickname);
        String sessionToken = browser.cookie(SessionCookie.NAME).orElseThrow();

        Page signedOut = browser.submit(home, "form[action=/signout]", Map.of());
        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(browser.get("/").text(".site-nav")).contains("Sign in").doesNotContain(nickname);

        // The old token no longer works anywhere, even if someone kept a copy of the cookie.
        WebClient thief = browser.stranger();
        Page withStolenCookie = thief.send(java.net.http.HttpRequest.newBuilder(thief.base().resolve("/settings/profile"))
                .header("Cookie", SessionCookie.NAME + "=" + sessionToken));
        assertThat(withStolenCookie.status()).isEqualTo(303);
        assertThat(withStolenCookie.location()).startsWith("/signin");
    }

    @Test
    void aWrongPasswordGetsOneMessageThatRevealsNothing() {
        String nickname = Members.signUp(browser.stranger(), "forgetful");

        Page wrongPassword = Members.signIn(browser, Members.emailOf(nickname), "not my password at all");
        Page unknownEmail = Members.signIn(browser, "nobody-" + nickname + "@example.com", "not my password at all");

        assertThat(wrongPassword.status()).isEqualTo(422);
        assertThat(wrongPassword.text(".form-errors")).contains("don't match an account");
        assertThat(unknownEmail.text(".form-errors")).isEqualTo(wrongPassword.text(".form-errors"));
        assertThat(wrongPassword.document().selectFirst("#email").val()).isEqualTo(Members.emailOf(nickname));
        assertThat(browser.cookie(SessionCookie.NAME)).isEmpty();
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String nickname = Members.signUp(browser.stranger(), "targeted");
        String email = Members.emailOf(nickname);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(Members.signIn(browser, email, "guess number " + attempt).status()).isEqualTo(422);
        }
        Page fifth = Members.signIn(browser, email, "guess number 5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.text(".form-errors")).contains("Too many failed sign-in attempts").contains("15 minutes");
        assertThat(fifth.header("Retry-After")).isNotNull();

        Page rightPasswordWhileLocked = Members.signIn(browser, email, Members.PASSWORD);
        assertThat(rightPasswordWhileLocked.status()).isEqualTo(429);
        assertThat(browser.cookie(SessionCookie.NAME)).isEmpty();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        String nickname = Members.uniqueNickname("forged");
        Map<String, String> fields = Map.of("email", Members.emailOf(nickname), "nickname", nickname,
                "password", Members.PASSWORD);

        Page withoutToken = browser.post("/signup", fields);
        Map<String, String> withWrongToken = new HashMap<>(fields);
        withWrongToken.put("_csrf", "forged-token");
        Page wrongToken = browser.post("/signup", withWrongToken);

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.text("h1")).isEqualTo("Not allowed");
        assertThat(withoutToken.body()).contains("security token").doesNotContain("Exception");
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(Members.signIn(browser, Members.emailOf(nickname), Members.PASSWORD).status())
                .as("no account was created").isEqualTo(422);
    }

    @Test
    void settingsNeedASignedInMemberAndComeBackAfterSignIn() {
        Page anonymous = browser.get("/settings/profile");
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.location()).isEqualTo("/signin?next=%2Fsettings%2Fprofile");

        String nickname = Members.signUp(browser.stranger(), "settler");
        Page signInForm = browser.get(anonymous.location());
        Page signedIn = browser.submit(signInForm, "form[action=/signin]",
                Map.of("email", Members.emailOf(nickname), "password", Members.PASSWORD));
        assertThat(signedIn.location()).isEqualTo("/settings/profile");
    }

    @Test
    void aSignInNeverRedirectsToAnotherSite() {
        String nickname = Members.signUp(browser.stranger(), "phished");
        Page form = browser.get("/signin?next=//evil.example.com/steal");
        Page signedIn = browser.submit(form, "form[action=/signin]",
                Map.of("email", Members.emailOf(nickname), "password", Members.PASSWORD));
        assertThat(signedIn.location()).isEqualTo("/");
    }

    @Test
    void editingTheProfileShowsItOnThePublicPageWithMarkupInert() {
        String nickname = Members.signUp(browser, "profiled");
        Page settings = browser.get("/settings/profile");
        String jazzId = settings.document().select("input[name=genre]").stream()
                .filter(box -> box.parent().text().equals("Jazz")).findFirst().orElseThrow().val();
        String bio = "I play <script>alert('x')</script> & sing <b>loud</b>";

        Page saved = browser.submit(settings, "form[action=/settings/profile]",
                Map.of("bio", bio, "genre", jazzId));
        assertThat(saved.status()).isEqualTo(303);
        Page profile = browser.get(saved.location());

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.text(".bio")).isEqualTo(bio);
        assertThat(profile.document().select(".bio script, .bio b")).isEmpty();
        assertThat(profile.body()).doesNotContain("<script>alert");
        assertThat(profile.text(".tags")).contains("Jazz");
        assertThat(profile.text(".flash-success")).contains("profile is saved");
    }

    @Test
    void aNicknameTakenBySomeoneElseIsRefusedAndTheFormKept() {
        String taken = Members.signUp(browser.stranger(), "first");
        Members.signUp(browser, "second");
        Page settings = browser.get("/settings/profile");

        Page answer = browser.submit(settings, "form[action=/settings/profile]",
                Map.of("nickname", taken, "bio", "kept bio"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("#nickname-help")).contains("taken");
        assertThat(answer.document().selectFirst("#bio").text()).isEqualTo("kept bio");
    }

    @Test
    void aNicknameThatLooksLikeAnotherOrMixesAlphabetsIsRefusedWithAReasonAndTheFormKept() {
        // Letters that Latin and Cyrillic both have: c, o, p, a.
        String latin = Members.signUp(browser.stranger(), "copa");
        String cyrillic = latin.replace('c', '\u0441').replace('o', '\u043e').replace('p', '\u0440').replace('a', '\u0430');
        String mixed = latin.replaceFirst("o", "\u043e");

        Page lookAlike = signUpAs(browser, cyrillic);
        assertThat(lookAlike.status()).isEqualTo(422);
        assertThat(lookAlike.text("#nickname-help")).contains("looks just like").contains(latin);
        assertThat(lookAlike.document().selectFirst("#nickname").val()).isEqualTo(cyrillic);

        Page mixing = signUpAs(browser, mixed);
        assertThat(mixing.status()).isEqualTo(422);
        assertThat(mixing.text("#nickname-help")).contains("one alphabet");
        assertThat(mixing.document().selectFirst("#nickname").val()).isEqualTo(mixed);

        // The same rules when a member changes their nickname, with the rest of the form kept.
        Members.signUp(browser, "renamer");
        Page settings = browser.get("/settings/profile");
        Page renamed = browser.submit(settings, "form[action=/settings/profile]",
                Map.of("nickname", latin.toUpperCase().replace('O', '0'), "bio", "kept bio"));
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(renamed.text("#nickname-help")).contains("looks just like");
        assertThat(renamed.document().selectFirst("#bio").text()).isEqualTo("kept bio");
        Page mixedRename = browser.submit(settings, "form[action=/settings/profile]", Map.of("nickname", mixed));
        assertThat(mixedRename.status()).isEqualTo(422);
        assertThat(mixedRename.text("#nickname-help")).contains("one alphabet");
    }

    @Test
    void twoLookAlikesAskedForInTheSameInstantGetOneAccount() throws Exception {
        String latin = Members.uniqueNickname("capo");
        String cyrillic = latin.replace('c', '\u0441').replace('a', '\u0430').replace('p', '\u0440').replace('o', '\u043e');
        WebClient first = browser.stranger();
        WebClient second = browser.stranger();
        Page firstForm = first.get("/signup");
        Page secondForm = second.get("/signup");
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = both.submit(() -> first.submit(firstForm, "form[action=/signup]",
                Map.of("email", Members.emailOf(latin), "nickname", latin, "password", Members.PASSWORD)));
        var b = both.submit(() -> second.submit(secondForm, "form[action=/signup]",
                Map.of("email", "look-alike-" + Members.emailOf(latin), "nickname", cyrillic, "password", Members.PASSWORD)));
        Page one = a.get();
        Page other = b.get();
        both.shutdown();

        assertThat(java.util.List.of(one.status(), other.status())).containsExactlyInAnyOrder(303, 422);
        Page refused = one.status() == 422 ? one : other;
        assertThat(refused.text("#nickname-help")).contains("looks just like");
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM members WHERE nickname IN (?, ?)")) {
            query.setString(1, latin);
            query.setString(2, cyrillic);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(1);
            }
        }
    }

    private static Page signUpAs(WebClient client, String nickname) {
        Page form = client.get("/signup");
        return client.submit(form, "form[action=/signup]", Map.of("email", "someone-" + Math.abs(nickname.hashCode())
                + "-" + System.nanoTime() + "@example.com", "nickname", nickname, "password", Members.PASSWORD));
    }

    @Test
    void changingThePasswordSignsOutOtherBrowsers() {
        String nickname = Members.signUp(browser, "careful");
        WebClient otherDevice = browser.stranger();
        assertThat(Members.signIn(otherDevice, Members.emailOf(nickname), Members.PASSWORD).status()).isEqualTo(303);

        Page form = browser.get("/settings/password");
        Page wrongCurrent = browser.submit(form, "form[action=/settings/password]", Map.of(
                "currentPassword", "not the password", "newPassword", "another good password", "confirmation", "another good password"));
        assertThat(wrongCurrent.status()).isEqualTo(422);
        assertThat(wrongCurrent.text("#currentPassword-help")).contains("not your current password");

        Page mismatch = browser.submit(form, "form[action=/settings/password]", Map.of(
                "currentPassword", Members.PASSWORD, "newPassword", "another good password", "confirmation", "different words here"));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.text("#confirmation-help")).contains("not the same");

        Page changed = browser.submit(form, "form[action=/settings/password]", Map.of(
                "currentPassword", Members.PASSWORD, "newPassword", "another good password", "confirmation", "another good password"));
        assertThat(changed.status()).isEqualTo(303);
        assertThat(browser.get("/settings/password").status()).as("this browser stays signed in").isEqualTo(200);
        assertThat(otherDevice.get("/settings/password").status()).as("the other device is signed out").isEqualTo(303);

        WebClient fresh = browser.stranger();
        assertThat(Members.signIn(fresh, Members.emailOf(nickname), Members.PASSWORD).status()).isEqualTo(422);
        assertThat(Members.signIn(fresh, Members.emailOf(nickname), "another good password").status()).isEqualTo(303);
    }

    @Test
    void anUnknownMemberPageIsA404InTheSiteLayout() {
        Page missing = browser.get("/members/nobody-by-this-name");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("h1")).isEqualTo("Page not found");
        assertThat(missing.text(".brand")).contains("SoundHub");
    }

    @Test
    void aMemberSeesWhereTheyAreSignedInAndSignsOutOneBrowserOrAllOthers() {
        String nickname = Members.signUp(browser, "traveller");
        WebClient laptop = browser.stranger();
        WebClient phone = browser.stranger();
        Members.signIn(laptop, Members.emailOf(nickname), Members.PASSWORD);
        Members.signIn(phone, Members.emailOf(nickname), Members.PASSWORD);
        WebClient stranger = browser.stranger();
        Members.signUp(stranger, "nosy");

        Page page = browser.get("/settings/sessions");
        List<String> sessions = page.document().select("[data-sessions] li").eachAttr("data-session");
        assertThat(sessions).hasSize(3);
        assertThat(page.document().select("[data-sessions] li[data-current=true]")).hasSize(1);
        assertThat(page.document().selectFirst("[data-sessions] li[data-current=true]").text()).contains("This browser")
                .contains("A Java program");

        // Another member cannot end someone else's session: not found, and it stays open.
        String laptopSession = laptop.get("/settings/sessions").document()
                .selectFirst("[data-sessions] li[data-current=true]").attr("data-session");
        assertThat(stranger.post("/settings/sessions/" + laptopSession + "/end", Map.of("_csrf", stranger.get("/").csrfToken()))
                .status()).isEqualTo(404);
        assertThat(laptop.get("/settings/profile").status()).isEqualTo(200);

        Page ended = browser.submit(browser.get("/settings/sessions"),
                "[data-session=" + laptopSession + "] form", Map.of());
        assertThat(ended.status()).isEqualTo(303);
        assertThat(laptop.get("/settings/profile").status()).as("signed out at once").isEqualTo(303);
        assertThat(phone.get("/settings/profile").status()).isEqualTo(200);

        Page others = browser.submit(browser.get("/settings/sessions"), "form[data-end-others]", Map.of());
        assertThat(browser.get(others.location()).text(".flash-messages")).contains("1 other browser is signed out");
        assertThat(phone.get("/settings/profile").status()).isEqualTo(303);
        assertThat(browser.get("/settings/sessions").document().select("[data-sessions] li")).hasSize(1);
    }

    @Test
    void aMemberDeletesTheirAccountKeepingTheirMusicForOthersCreditedToAFormerMember() {
        String nickname = Members.signUp(browser, "leaving");
        WebClient other = browser.stranger();
        Members.signIn(other, Members.emailOf(nickname), Members.PASSWORD);
        String kept = Catalogue.recording(nickname, "Song to keep", java.time.Instant.now().minusSeconds(60));
        long id = Catalogue.number("SELECT id FROM members WHERE nickname = ?", nickname);

        Page page = browser.get("/settings/delete");
        assertThat(page.status()).isEqualTo(200);
        Page wrong = browser.submit(page, "form[data-delete-account]", Map.of("content", "keep", "password", "not my password at all"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text("#password-help")).contains("not your password");
        assertThat(wrong.document().selectFirst("#content-keep").hasAttr("checked")).as("the choice is kept").isTrue();
        Page unchosen = browser.submit(page, "form[data-delete-account]", Map.of("password", Members.PASSWORD));
        assertThat(unchosen.status()).isEqualTo(422);
        assertThat(unchosen.text("#content-help")).contains("Choose what happens");
        assertThat(browser.get("/settings/profile").status()).as("nothing happened yet").isEqualTo(200);

        Page deleted = browser.submit(browser.get("/settings/delete"), "form[data-delete-account]",
                Map.of("content", "keep", "password", Members.PASSWORD));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.location()).isEqualTo("/");
        assertThat(browser.get("/settings/profile").status()).isEqualTo(303);
        assertThat(other.get("/settings/profile").status()).as("every other browser is signed out too").isEqualTo(303);
        assertThat(browser.stranger().get("/members/" + nickname).status()).isEqualTo(404);
        Page song = browser.stranger().get("/recordings/" + kept);
        assertThat(song.status()).as("kept for the community").isEqualTo(200);
        assertThat(song.body()).contains("former-member-" + id).doesNotContain(nickname);
        assertThat(Members.signIn(browser.stranger(), Members.emailOf(nickname), Members.PASSWORD).status()).isEqualTo(422);
        assertThat(Catalogue.number("SELECT count(*) FROM members WHERE lower(email) = lower(?)", Members.emailOf(nickname)))
                .as("the address is forgotten").isZero();
    }

    @Test
    void aMemberDownloadsTheirDataAsAZipOfJsonAndTheirOwnFiles() throws Exception {
        String nickname = Members.signUp(browser, "archivist");
        WebClient friend = browser.stranger();
        String friendName = Members.signUp(friend, "friend");
        String song = Catalogue.recording(nickname, "Song with an original", java.time.Instant.now().minusSeconds(60));
        byte[] original = ("RIFF original bytes of " + nickname).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String key = "recordings/" + song + "/original/take one.wav";
        TestInfrastructure.storage().put(key, original, "audio/wav");
        Catalogue.update("UPDATE recordings SET original_key = ?, original_name = ? WHERE public_id = ?", key, "take one.wav", song);
        String theirSong = Catalogue.recording(friendName, "Friend's song", java.time.Instant.now().minusSeconds(60));
        Catalogue.update("INSERT INTO comments (recording_id, author_id, body, at_ms) SELECT r.id, m.id, ?, 1500 FROM recordings r, members m "
                + "WHERE r.public_id = ? AND m.nickname = ?", "Lovely bridge", theirSong, nickname);
        browser.submit(browser.get("/messages/" + friendName), "form.message-form", Map.of("body", "Shall we make a project?"));
        browser.submit(browser.get("/members/" + friendName), "form[action=/members/" + friendName + "/follow]", Map.of());
        friend.submit(friend.get("/messages/" + nickname), "form.message-form", Map.of("body", "Not in your download"));

        assertThat(browser.get("/settings/data").document().select("a[data-download-data]").attr("href"))
                .isEqualTo("/settings/data/soundhub-data.zip");
        Page visitor = browser.stranger().get("/settings/data/soundhub-data.zip");
        assertThat(visitor.status()).isEqualTo(303);

        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(browser.sendBytes("/settings/data/soundhub-data.zip")))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).contains("README.txt", "profile.json", "recordings.json", "comments.json", "messages-sent.json",
                "following.json", "pieces.json", "recordings/" + song + "/take one.wav");
        assertThat(entries.get("recordings/" + song + "/take one.wav")).as("the original, byte for byte").isEqualTo(original);
        assertThat(text(entries, "profile.json")).contains("\"email\": \"" + Members.emailOf(nickname) + "\"");
        assertThat(text(entries, "recordings.json")).contains("Song with an original").doesNotContain("Friend's song");
        assertThat(text(entries, "comments.json")).contains("Lovely bridge").contains(theirSong).contains("1500");
        assertThat(text(entries, "messages-sent.json")).contains("Shall we make a project?").contains(friendName)
                .doesNotContain("Not in your download");
        assertThat(text(entries, "following.json")).contains(friendName);
        assertThat(text(entries, "pieces.json").strip()).as("no pieces made").startsWith("[").endsWith("]").doesNotContain("\"id\"");
    }

    private static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aNewcomerListensButUploadsAndWritesOnlyOnceTheirAddressIsConfirmedFromTheMailedLink() {
        WebClient newcomer = browser.stranger();
        String nickname = Members.signUpUnconfirmed(newcomer, "unsure");
        String email = Members.emailOf(nickname);
        String penPal = Members.signUp(browser.stranger(), "penpal");
        assertThat(newcomer.get("/").status()).as("browsing").isEqualTo(200);
        assertThat(newcomer.get("/members/" + penPal).status()).isEqualTo(200);

        Page message = newcomer.submit(newcomer.get("/messages/" + penPal), "form.message-form", Map.of("body", "hello from " + nickname));
        assertThat(message.status()).isEqualTo(422);
        assertThat(message.text(".form-errors")).contains("Confirm your email address first");
        assertThat(message.document().selectFirst("textarea[name=body]").text()).as("kept").isEqualTo("hello from " + nickname);
        assertThat(newcomer.get("/uploads/new").text("[data-confirm-first]")).as("told before filling the form in")
                .contains("Confirm your email address first");
        assertThat(newcomer.get("/generate").document().select("[data-confirm-first]")).hasSize(1);
        Page upload = Uploads.requestSlot(newcomer, Uploads.details("Too early"), "early.wav", 1200);
        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.body()).contains("Confirm your email address first");
        Page settings = newcomer.get("/settings/email");
        assertThat(settings.document().select("[data-unconfirmed]")).hasSize(1);
        Page tooSoon = newcomer.submit(settings, "form[data-resend-confirmation]", Map.of());
        assertThat(newcomer.get(tooSoon.location()).text(".flash-messages")).contains("less than 5 minutes ago");

        List<String> mails = Mailbox.to(email, Mailbox.CONFIRM_SIGN_UP, 2);
        assertThat(mails).as("one mail, the second request inside the limit sent nothing").hasSize(1);
        String token = Mailbox.token(mails.get(0), "/email/confirm");
        assertThat(Catalogue.number("SELECT count(*) FROM email_confirmations c JOIN members m ON m.id = c.member_id "
                + "WHERE m.nickname = ? AND c.token_hash = sha256(convert_to(?, 'UTF8'))", nickname, token))
                .as("kept as its hash").isEqualTo(1);
        WebClient elsewhere = browser.stranger();
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        Page wrong = elsewhere.get("/email/confirm?token=" + tampered);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text(".form-errors")).contains("not valid");
        Page confirm = elsewhere.get("/email/confirm?token=" + token);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.text("[data-sign-up-confirm-form]")).contains(nickname);
        assertThat(newcomer.submit(newcomer.get("/messages/" + penPal), "form.message-form", Map.of("body", "still early")).status())
                .as("opening the link confirms nothing").isEqualTo(422);
        Page confirmed = elsewhere.submit(confirm, "form[data-sign-up-confirm-form]", Map.of());
        assertThat(confirmed.status()).isEqualTo(303);

        assertThat(newcomer.submit(newcomer.get("/messages/" + penPal), "form.message-form", Map.of("body", "hello at last")).status())
                .isEqualTo(303);
        assertThat(Uploads.requestSlot(newcomer, Uploads.details("In time"), "in-time.wav", 1200).status()).isEqualTo(201);
        assertThat(newcomer.get("/settings/email").document().select("[data-unconfirmed]")).isEmpty();
        assertThat(newcomer.get("/uploads/new").document().select("[data-confirm-first]")).isEmpty();
        Page reused = elsewhere.get("/email/confirm?token=" + token);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text(".form-errors")).contains("used already");
    }

    @Test
    void aSignUpLinkExpiresAfterADayAndANewOneCanBeAskedFor() {
        WebClient newcomer = browser.stranger();
        String nickname = Members.signUpUnconfirmed(newcomer, "late");
        String token = Mailbox.token(Mailbox.to(Members.emailOf(nickname), Mailbox.CONFIRM_SIGN_UP, 1).get(0), "/email/confirm");
        Catalogue.update("UPDATE email_confirmations SET expires_at = now() - interval '1 minute', "
                + "created_at = now() - interval '1 day' WHERE member_id = (SELECT id FROM members WHERE nickname = ?)", nickname);
        Page expired = newcomer.get("/email/confirm?token=" + token);
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.text(".form-errors")).contains("expired");

        Page asked = newcomer.submit(newcomer.get("/settings/email"), "form[data-resend-confirmation]", Map.of());
        assertThat(newcomer.get(asked.location()).text(".flash-messages")).contains("We sent you a new link");
        List<String> mails = Mailbox.to(Members.emailOf(nickname), Mailbox.CONFIRM_SIGN_UP, 2);
        assertThat(mails).hasSize(2);
        String fresh = Mailbox.token(mails.get(1), "/email/confirm");
        Page confirmed = newcomer.submit(newcomer.get("/email/confirm?token=" + fresh), "form[data-sign-up-confirm-form]", Map.of());
        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(newcomer.get(confirmed.location()).text(".flash-messages")).contains("your email address is confirmed");
    }

    @Test
    void aForgottenPasswordIsResetOnceThroughAMailedLinkAndEverySessionEnds() throws Exception {
        String nickname = Members.signUp(browser, "forgetful");
        String email = Members.emailOf(nickname);
        WebClient visitor = browser.stranger();
        assertThat(visitor.get("/signin").document().selectFirst("a[data-forgot-link]").attr("href")).isEqualTo("/password/forgot");

        Page bad = visitor.submit(visitor.get("/password/forgot"), "form[data-forgot-form]", Map.of("email", "not an address"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text("#email-help")).contains("does not look like an email address");
        assertThat(bad.document().selectFirst("#email").val()).isEqualTo("not an address");

        Page asked = visitor.submit(visitor.get("/password/forgot"), "form[data-forgot-form]", Map.of("email", email));
        assertThat(asked.status()).isEqualTo(303);
        String answer = visitor.get(asked.location()).text(".flash-messages");
        assertThat(answer).contains("If an account has that address");
        String nobody = "nobody-" + nickname + "@example.com";
        Page unknown = visitor.submit(visitor.get("/password/forgot"), "form[data-forgot-form]", Map.of("email", nobody));
        assertThat(visitor.get(unknown.location()).text(".flash-messages")).as("the same answer").isEqualTo(answer);

        List<String> mails = Mailbox.to(email, Mailbox.RESET, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).startsWith("Reset your SoundHub password").contains(nickname);
        String token = Mailbox.resetToken(mails.get(0));
        // Asked again inside the limit: answered alike, and nothing more is sent.
        Page again = visitor.submit(visitor.get("/password/forgot"), "form[data-forgot-form]", Map.of("email", email));
        assertThat(visitor.get(again.location()).text(".flash-messages")).isEqualTo(answer);
        Thread.sleep(3000);
        assertThat(Mailbox.to(email, Mailbox.RESET, 2)).hasSize(1);
        assertThat(Mailbox.to(nobody, "", 1)).isEmpty();
        assertThat(Catalogue.number("SELECT count(*) FROM password_resets r JOIN members m ON m.id = r.member_id "
                + "WHERE m.nickname = ? AND r.token_hash IS NOT NULL", nickname)).as("kept hashed, never as sent").isEqualTo(1);

        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        Page wrongLink = visitor.get("/password/reset?token=" + tampered);
        assertThat(wrongLink.status()).isEqualTo(422);
        assertThat(wrongLink.text(".form-errors")).contains("not valid");

        Page choose = visitor.get("/password/reset?token=" + token);
        assertThat(choose.status()).isEqualTo(200);
        assertThat(choose.body()).contains(nickname);
        Page weak = visitor.submit(choose, "form[data-reset-form]", Map.of("password", "short"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.text("#password-help")).isNotBlank();
        assertThat(weak.document().selectFirst("input[name=token]").val()).as("the link is kept").isEqualTo(token);
        String newPassword = "a brand new passphrase for " + nickname;
        Page changed = visitor.submit(choose, "form[data-reset-form]", Map.of("password", newPassword));
        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.location()).isEqualTo("/signin");

        assertThat(browser.get("/settings/profile").status()).as("signed out everywhere").isEqualTo(303);
        assertThat(Members.signIn(browser.stranger(), email, Members.PASSWORD).status()).isEqualTo(422);
        assertThat(Members.signIn(browser.stranger(), email, newPassword).status()).isEqualTo(303);
        Page reused = visitor.get("/password/reset?token=" + token);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text(".form-errors")).contains("used already");
        Page replayed = visitor.submit(choose, "form[data-reset-form]", Map.of("password", "yet another passphrase here"));
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(Members.signIn(browser.stranger(), email, newPassword).status()).as("the used link changed nothing").isEqualTo(303);
    }

    @Test
    void aResetLinkExpiresAfterAnHour() throws Exception {
        String nickname = Members.signUp(browser.stranger(), "slow");
        WebClient visitor = browser.stranger();
        visitor.submit(visitor.get("/password/forgot"), "form[data-forgot-form]", Map.of("email", Members.emailOf(nickname)));
        String token = Mailbox.resetToken(Mailbox.to(Members.emailOf(nickname), Mailbox.RESET, 1).get(0));
        Catalogue.update("UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE member_id = "
                + "(SELECT id FROM members WHERE nickname = ?)", nickname);
        Page expired = visitor.get("/password/reset?token=" + token);
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.text(".form-errors")).contains("expired");
        assertThat(expired.document().select("form[data-forgot-form]")).as("a new link is one step away").hasSize(1);
    }

    @Test
    void aNewEmailAddressIsUsedOnlyOnceConfirmedFromItsMailAndTheOldOneIsTold() {
        String nickname = Members.signUp(browser, "mover");
        String old = Members.emailOf(nickname);
        String fresh = "new-" + old;
        String other = Members.signUp(browser.stranger(), "settled");
        Page page = browser.get("/settings/email");
        assertThat(page.text("[data-current-email]")).isEqualTo(old);

        Page wrongPassword = browser.submit(page, "form[data-email-form]", Map.of("email", fresh, "password", "not my password at all"));
        assertThat(wrongPassword.status()).isEqualTo(422);
        assertThat(wrongPassword.text("#password-help")).contains("not your password");
        assertThat(wrongPassword.document().selectFirst("#email").val()).isEqualTo(fresh);
        Page taken = browser.submit(page, "form[data-email-form]", Map.of("email", Members.emailOf(other), "password", Members.PASSWORD));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.text("#email-help")).contains("Another account has that address");

        Page asked = browser.submit(page, "form[data-email-form]", Map.of("email", fresh, "password", Members.PASSWORD));
        assertThat(asked.status()).isEqualTo(303);
        assertThat(browser.get(asked.location()).text(".flash-messages")).contains("We sent a link to " + fresh);
        assertThat(Members.signIn(browser.stranger(), fresh, Members.PASSWORD).status()).as("not before it is confirmed").isEqualTo(422);

        String token = Mailbox.token(Mailbox.to(fresh, "", 1).get(0), "/settings/email/confirm");
        WebClient elsewhere = browser.stranger();
        Page confirm = elsewhere.get("/settings/email/confirm?token=" + token);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.text("[data-email-confirm-form]")).contains(fresh);
        assertThat(Members.signIn(browser.stranger(), old, Members.PASSWORD).status()).as("opening the link changes nothing").isEqualTo(303);
        Page confirmed = elsewhere.submit(confirm, "form[data-email-confirm-form]", Map.of());
        assertThat(confirmed.status()).isEqualTo(303);

        assertThat(Members.signIn(browser.stranger(), fresh, Members.PASSWORD).status()).isEqualTo(303);
        assertThat(Members.signIn(browser.stranger(), old, Members.PASSWORD).status()).isEqualTo(422);
        List<String> told = Mailbox.to(old, "Your SoundHub email address was changed", 1);
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).startsWith("Your SoundHub email address was changed").contains(fresh);
        Page reused = elsewhere.get("/settings/email/confirm?token=" + token);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text(".form-errors")).contains("used already");
    }
}
