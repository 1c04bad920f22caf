package com.soundhub.messages;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.RateWindows;
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

/** Direct messages through their pages: conversations, unread counts, deleting one's copy, and abuse. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class MessagesIT {

    static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>";

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

    /** A new member, signed in in a browser of their own. */
    private Person person(String prefix) {
        WebClient browser = anonymous.stranger();
        return new Person(Members.signUp(browser, prefix), browser);
    }

    record Person(String nickname, WebClient browser) {

        Page open(String path) {
            return browser.get(path);
        }

        Page write(Person to, String body) {
            return browser.submit(browser.get("/messages/" + to.nickname()), "form.message-form", Map.of("body", body));
        }

        Page inbox() {
            Page page = browser.get("/messages");
            assertThat(page.status()).isEqualTo(200);
            return page;
        }

        Page thread(Person with) {
            Page page = browser.get("/messages/" + with.nickname());
            assertThat(page.status()).isEqualTo(200);
            return page;
        }
    }

    private static Element conversationWith(Page inbox, Person other) {
        return inbox.document().select("li.conversation-item").stream()
                .filter(item -> item.selectFirst(".conversation-name").text().equals(other.nickname()))
                .findFirst().orElse(null);
    }

    private static String unreadBadge(Page inbox, Person other) {
        Element badge = conversationWith(inbox, other).selectFirst(".badge-unread");
        return badge == null ? null : badge.text();
    }

    /** The bodies shown on a conversation page, oldest first, exactly as displayed (line breaks kept). */
    private static List<String> bodies(Page thread, String whose) {
        List<String> bodies = new ArrayList<>();
        for (Element body : thread.document().select(".message-list " + whose + " .message-body")) {
            bodies.add(body.wholeText());
        }
        return bodies;
    }

    private static long storedMessagesFrom(Person sender) throws SQLException {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FROM messages m JOIN members s ON s.id = m.sender_id WHERE s.nickname = ?")) {
            query.setString(1, sender.nickname());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void expectSent(Page answer, Person to) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(303);
        assertThat(answer.location()).isEqualTo("/messages/" + to.nickname());
        assertThat(answer.header("Location")).endsWith("#latest");
    }

    @Test
    void twoMembersWriteToEachOtherAndUnreadCountsDropOnceRead() throws Exception {
        Person mina = person("mina");
        Person jun = person("jun");
        Person sora = person("sora");

        Page empty = mina.inbox();
        assertThat(empty.text(".empty")).contains("No conversations yet");
        Page firstVisit = mina.thread(jun);
        assertThat(firstVisit.text("h1")).isEqualTo("Messages with " + jun.nickname());
        assertThat(firstVisit.text(".empty")).contains("No messages yet");

        expectSent(mina.write(jun, "Hi Jun!\nLoved your last track."), jun);
        expectSent(mina.write(jun, "Want to jam?"), jun);
        assertThat(bodies(mina.thread(jun), ".message-mine")).containsExactly("Hi Jun!\nLoved your last track.", "Want to jam?");

        Page junInbox = jun.inbox();
        Element fromMina = conversationWith(junInbox, mina);
        assertThat(fromMina).isNotNull();
        assertThat(fromMina.hasClass("unread")).isTrue();
        assertThat(fromMina.selectFirst(".conversation-snippet").text()).isEqualTo("Want to jam?");
        assertThat(fromMina.selectFirst("time").attr("datetime")).isNotBlank();
        assertThat(unreadBadge(junInbox, mina)).isEqualTo("2");

        Page junReads = jun.thread(mina);
        assertThat(bodies(junReads, ".message-theirs")).containsExactly("Hi Jun!\nLoved your last track.", "Want to jam?");
        assertThat(junReads.document().select(".message-list li").last().id()).isEqualTo("latest");
        assertThat(junReads.document().select(".message-theirs .message-sender").text()).contains(mina.nickname());
        Page junInboxAfterReading = jun.inbox();
        assertThat(unreadBadge(junInboxAfterReading, mina)).as("read once seen").isNull();
        assertThat(conversationWith(junInboxAfterReading, mina).hasClass("unread")).isFalse();

        // Mina hears from Sora, then from Jun: newest activity first, each with its own count.
        expectSent(sora.write(mina, "Hello from Sora"), mina);
        expectSent(jun.write(mina, "Sure, Saturday?"), mina);
        Page minaInbox = mina.inbox();
        List<String> order = minaInbox.document().select(".conversation-name").eachText();
        assertThat(order).containsExactly(jun.nickname(), sora.nickname());
        assertThat(unreadBadge(minaInbox, jun)).isEqualTo("1");
        assertThat(unreadBadge(minaInbox, sora)).isEqualTo("1");
        assertThat(conversationWith(minaInbox, jun).selectFirst(".conversation-snippet").text()).isEqualTo("Sure, Saturday?");

        mina.thread(sora);
        Page minaInboxLater = mina.inbox();
        assertThat(unreadBadge(minaInboxLater, sora)).isNull();
        assertThat(unreadBadge(minaInboxLater, jun)).isEqualTo("1");
        // The last message is Mina's own now: marked as hers, and it never counts as unread.
        expectSent(mina.write(sora, "Hi Sora"), sora);
        Element withSora = conversationWith(mina.inbox(), sora);
        assertThat(withSora.selectFirst(".conversation-snippet").text()).startsWith("You:").endsWith("Hi Sora");
        assertThat(withSora.selectFirst(".badge-unread")).isNull();

        assertThat(storedMessagesFrom(mina)).isEqualTo(3);
    }

    @Test
    void deletingMyCopyHidesTheMessagesForMeOnly() {
        Person mina = person("mina");
        Person jun = person("jun");
        expectSent(mina.write(jun, "opening line"), jun);
        expectSent(jun.write(mina, "answering line"), mina);

        Page thread = mina.thread(jun);
        assertThat(thread.document().selectFirst("form.delete-conversation").attr("data-confirm")).isNotBlank();
        Page deleted = mina.browser().submit(thread, "form.delete-conversation", Map.of());
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.location()).isEqualTo("/messages");

        Page minaInbox = mina.inbox();
        assertThat(minaInbox.text(".flash-success")).contains("conversation with " + jun.nickname() + " is deleted");
        assertThat(conversationWith(minaInbox, jun)).isNull();
        Page minaThread = mina.thread(jun);
        assertThat(minaThread.document().select(".message-list .message")).isEmpty();
        assertThat(minaThread.body()).doesNotContain("opening line").doesNotContain("answering line");

        assertThat(bodies(jun.thread(mina), ".message")).as("the other side keeps theirs").containsExactly("opening line", "answering line");
        assertThat(conversationWith(jun.inbox(), mina)).isNotNull();

        // Jun writes again: the conversation is back for Mina, with the new message only.
        expectSent(jun.write(mina, "still there?"), mina);
        Page back = mina.inbox();
        assertThat(conversationWith(back, jun).selectFirst(".conversation-snippet").text()).isEqualTo("still there?");
        assertThat(unreadBadge(back, jun)).isEqualTo("1");
        assertThat(bodies(mina.thread(jun), ".message")).containsExactly("still there?");
        assertThat(bodies(jun.thread(mina), ".message")).containsExactly("opening line", "answering line", "still there?");
    }

    @Test
    void nobodyElseCanReadOrChangeAConversation() throws Exception {
        Person mina = person("mina");
        Person jun = person("jun");
        Person snoop = person("snoop");
        String secret = "the secret chord " + System.nanoTime();
        expectSent(mina.write(jun, secret), jun);

        // A third member only ever sees their own conversations: none with either of them yet.
        assertThat(snoop.inbox().body()).doesNotContain(secret);
        assertThat(conversationWith(snoop.inbox(), mina)).isNull();
        Page snoopWithMina = snoop.thread(mina);
        Page snoopWithJun = snoop.thread(jun);
        assertThat(snoopWithMina.body()).doesNotContain(secret);
        assertThat(snoopWithJun.body()).doesNotContain(secret);
        assertThat(snoopWithMina.document().select(".message-list .message")).isEmpty();

        // Deleting "their" copy, or writing, touches only the snoop's own conversations.
        Page snoopDeletes = snoop.browser().post("/messages/" + mina.nickname() + "/delete",
                Map.of("_csrf", snoopWithMina.csrfToken()));
        assertThat(snoopDeletes.status()).isEqualTo(303);
        expectSent(snoop.write(jun, "hi jun"), jun);
        assertThat(bodies(jun.thread(mina), ".message")).containsExactly(secret);
        assertThat(bodies(mina.thread(jun), ".message")).containsExactly(secret);
        assertThat(bodies(jun.thread(snoop), ".message")).containsExactly("hi jun");
        assertThat(conversationWith(mina.inbox(), snoop)).isNull();

        // Not signed in: off to the sign-in page, and nothing is stored.
        Page list = anonymous.get("/messages");
        assertThat(list.status()).isEqualTo(303);
        assertThat(list.location()).isEqualTo("/signin?next=%2Fmessages");
        Page thread = anonymous.get("/messages/" + mina.nickname());
        assertThat(thread.status()).isEqualTo(303);
        assertThat(thread.location()).isEqualTo("/signin?next=%2Fmessages%2F" + mina.nickname());
        anonymous.get("/");
        String token = anonymous.cookie("soundhub_csrf").orElseThrow();
        Page post = anonymous.post("/messages/" + mina.nickname(), Map.of("_csrf", token, "body", "anonymous hello"));
        assertThat(post.status()).isEqualTo(303);
        assertThat(post.location()).startsWith("/signin");
        Page delete = anonymous.post("/messages/" + mina.nickname() + "/delete", Map.of("_csrf", token));
        assertThat(delete.status()).isEqualTo(303);
        assertThat(delete.location()).startsWith("/signin");
        assertThat(mina.thread(jun).body()).doesNotContain("anonymous hello");
        assertThat(storedMessagesFrom(mina)).isEqualTo(1);
    }

    @Test
    void writingToYourselfNobodyOrASuspendedMemberIsNotFound() throws Exception {
        Person mina = person("mina");
        Person gone = person("gone");
        expectSent(mina.write(gone, "before the suspension"), gone);
        String token = mina.thread(gone).csrfToken();

        assertThat(mina.open("/messages/" + mina.nickname()).status()).isEqualTo(404);
        assertThat(mina.open("/messages/" + mina.nickname().toUpperCase()).status()).isEqualTo(404);
        assertThat(mina.browser().post("/messages/" + mina.nickname(), Map.of("_csrf", token, "body", "me")).status())
                .isEqualTo(404);
        assertThat(mina.open("/messages/nobody-by-this-name").status()).isEqualTo(404);
        assertThat(mina.browser().post("/messages/nobody-by-this-name", Map.of("_csrf", token, "body", "hello?")).status())
                .isEqualTo(404);
        assertThat(mina.browser().post("/messages/nobody-by-this-name/delete", Map.of("_csrf", token)).status())
                .isEqualTo(404);

        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement suspend = db.prepareStatement("UPDATE members SET status = 'SUSPENDED' WHERE nickname = ?")) {
            suspend.setString(1, gone.nickname());
            assertThat(suspend.executeUpdate()).isEqualTo(1);
        }
        assertThat(mina.open("/messages/" + gone.nickname()).status()).isEqualTo(404);
        assertThat(mina.browser().post("/messages/" + gone.nickname(), Map.of("_csrf", token, "body", "hello?")).status())
                .isEqualTo(404);
        assertThat(conversationWith(mina.inbox(), gone)).as("suspended members leave the list").isNull();
        assertThat(mina.browser().post("/messages/" + gone.nickname() + "/delete", Map.of("_csrf", token)).status())
                .as("one's own copy can still be deleted").isEqualTo(303);
        assertThat(storedMessagesFrom(mina)).isEqualTo(1);
    }

    @Test
    void anEmptyOrTooLongMessageIsExplainedNextToTheFieldAndKept() throws Exception {
        Person mina = person("mina");
        Person jun = person("jun");

        Page empty = mina.write(jun, "");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.text("#body-help")).isEqualTo("Write a message first.");
        assertThat(empty.document().selectFirst("#body").attr("aria-invalid")).isEqualTo("true");

        Page blank = mina.write(jun, "  \r\n\t ");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.text("#body-help")).isEqualTo("Write a message first.");

        String tooLong = "la ".repeat(1334);
        Page long_ = mina.write(jun, tooLong);
        assertThat(long_.status()).isEqualTo(422);
        assertThat(long_.text("#body-help")).contains("at most 4,000 characters");
        assertThat(long_.document().selectFirst("textarea#body").wholeText()).isEqualTo(tooLong);
        assertThat(long_.text(".form-errors")).contains("Please correct the field marked below.");
        assertThat(long_.text("h1")).as("the conversation page, shown again").isEqualTo("Messages with " + jun.nickname());

        // 4,000 characters as typed, line breaks counting once although the browser sends CR LF.
        expectSent(mina.write(jun, "abc\r\n".repeat(1000)), jun);
        assertThat(bodies(jun.thread(mina), ".message")).containsExactly("abc\n".repeat(999) + "abc");
        assertThat(storedMessagesFrom(mina)).isEqualTo(1);
    }

    @Test
    void markupInAMessageIsShownAsTextEverywhere() {
        Person mina = person("mina");
        Person jun = person("jun");
        expectSent(mina.write(jun, XSS + "\nsecond line"), jun);

        Page inbox = jun.inbox();
        Element item = conversationWith(inbox, mina);
        assertThat(item.selectFirst(".conversation-snippet").text()).contains(XSS + " second line");
        assertThat(inbox.document().select("main script, main img, main [onerror]")).isEmpty();
        assertThat(inbox.body()).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");

        for (Page thread : List.of(jun.thread(mina), mina.thread(jun))) {
            assertThat(bodies(thread, ".message")).containsExactly(XSS + "\nsecond line");
            assertThat(thread.document().select("main script, main img, main [onerror]")).isEmpty();
            assertThat(thread.body()).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        }

        // Shown again in the form after a refusal, still as text.
        Page refused = mina.write(jun, XSS + "x".repeat(4000));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().selectFirst("textarea#body").wholeText()).isEqualTo(XSS + "x".repeat(4000));
        assertThat(refused.document().select("main script, main img, main [onerror]")).isEmpty();

        // A nickname in the address that is markup is simply not found, and not echoed as markup.
        Page markupName = mina.open("/messages/%3Cscript%3Ealert(1)");
        assertThat(markupName.status()).isEqualTo(404);
        assertThat(markupName.body()).doesNotContain("<script>alert(1)");
    }

    @Test
    void theTwentyFirstMessageInAMinuteIsRefusedAndNotStored() throws Exception {
        Person mina = person("mina");
        Person jun = person("jun");
        RateWindows.awaitFresh();
        Page thread = mina.thread(jun);
        for (int i = 1; i <= 20; i++) {
            Page sent = mina.browser().submit(thread, "form.message-form", Map.of("body", "message " + i));
            assertThat(sent.status()).as("message %d", i).isEqualTo(303);
        }
        Page refused = mina.browser().submit(thread, "form.message-form", Map.of("body", "message 21"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text(".form-errors")).contains("You are sending messages very fast. Wait a minute and try again.");
        assertThat(refused.document().selectFirst("textarea#body").wholeText()).isEqualTo("message 21");
        assertThat(storedMessagesFrom(mina)).isEqualTo(20);
        assertThat(bodies(jun.thread(mina), ".message")).hasSize(20).doesNotContain("message 21");
        // Jun has his own allowance.
        expectSent(jun.write(mina, "slow down!"), mina);
    }

    /** Limits count in windows of a minute: start early in one, so that 21 messages fall into the same. */
    @Test
    void aMessageWithoutTheCsrfTokenIsRefused() throws Exception {
        Person mina = person("mina");
        Person jun = person("jun");

        Page withoutToken = mina.browser().post("/messages/" + jun.nickname(), Map.of("body", "forged"));
        Map<String, String> forged = new HashMap<>(Map.of("body", "forged", "_csrf", "forged-token"));
        Page wrongToken = mina.browser().post("/messages/" + jun.nickname(), forged);
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.text("h1")).isEqualTo("Not allowed");
        assertThat(withoutToken.body()).contains("security token");
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(storedMessagesFrom(mina)).isZero();

        expectSent(jun.write(mina, "keep this"), mina);
        Page deleteWithoutToken = mina.browser().post("/messages/" + jun.nickname() + "/delete", Map.of());
        assertThat(deleteWithoutToken.status()).isEqualTo(403);
        assertThat(bodies(mina.thread(jun), ".message")).containsExactly("keep this");
    }
}
