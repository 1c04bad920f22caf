package com.soundhub.community;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.soundhub.testing.Catalogue;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Mailbox;
import com.soundhub.testing.Members;
import com.soundhub.testing.RateWindows;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The community through its pages: likes, plays, timed comments, follows, notifications, reports,
 * feeds and their pagination, search, profile pictures and the embeddable player.
 */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class CommunityIT {

    static final String SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    WebClient artist;
    String artistName;
    WebClient fan;
    String fanName;

    @BeforeEach
    void members() {
        artist = new WebClient(Deployments.base(deployed));
        artistName = Members.signUp(artist, "artist");
        fan = new WebClient(Deployments.base(deployed));
        fanName = Members.signUp(fan, "fan");
    }

    private String track(String title) {
        return Catalogue.recording(artistName, title, Instant.now().minusSeconds(60));
    }

    private Page like(WebClient who, String publicId, String action) {
        return who.submit(who.get("/recordings/" + publicId), "form[action=/recordings/" + publicId + "/" + action + "]", Map.of());
    }

    private static int likeCount(Page page) {
        return Integer.parseInt(page.text("[data-like-count]").trim());
    }

    private static long unreadNotifications(WebClient who) {
        Element badge = who.get("/notifications").document().selectFirst("[data-unread-notifications]");
        return badge == null ? 0 : Long.parseLong(badge.text());
    }

    @Test
    void likesCountOncePerMemberAndNotifyTheOwner() {
        String publicId = track("Morning light");
        assertThat(like(fan, publicId, "like").status()).isEqualTo(303);
        // A second like (a double click, a replayed form) changes nothing.
        Page form = fan.get("/recordings/" + publicId);
        assertThat(form.document().select("form[action=/recordings/" + publicId + "/unlike]")).hasSize(1);
        fan.post("/recordings/" + publicId + "/like", Map.of("_csrf", form.csrfToken()));
        Page page = fan.get("/recordings/" + publicId);
        assertThat(likeCount(page)).isEqualTo(1);
        assertThat(page.document().selectFirst(".like-button").attr("aria-pressed")).isEqualTo("true");
        assertThat(unreadNotifications(artist)).isEqualTo(1);
        assertThat(artist.get("/notifications").text(".notification")).contains(fanName).contains("liked").contains("Morning light");
        // The fan's profile lists it under likes.
        assertThat(fan.get("/members/" + fanName + "/likes").body()).contains(publicId);

        like(fan, publicId, "unlike");
        assertThat(likeCount(fan.get("/recordings/" + publicId))).isZero();
    }

    @Test
    void notificationMailIsOffUntilChosenThenComesAsOneDigestADayThatOneClickStops() {
        String publicId = track("Digest me");
        like(fan, publicId, "like");
        String artistEmail = Members.emailOf(artistName);
        String digest = "SoundHub: what happened since your last mail";
        Page settings = artist.get("/settings/notifications");
        assertThat(settings.document().select("input[name=kind]")).hasSizeGreaterThan(4);
        assertThat(settings.document().select("input[name=kind][checked]")).as("off by default").isEmpty();
        Page saved = artist.send(HttpRequest.newBuilder(artist.base().resolve("/settings/notifications"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + settings.csrfToken() + "&kind=COMMENT&kind=FOLLOW")));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(artist.get("/settings/notifications").document().select("input[name=kind][checked]").eachAttr("value"))
                .containsExactlyInAnyOrder("COMMENT", "FOLLOW");

        fan.submit(fan.get("/recordings/" + publicId), "form[action=/recordings/" + publicId + "/comments]",
                Map.of("body", "Lovely digest material", "at", ""));
        List<String> mails = Mailbox.to(artistEmail, digest, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).contains(fanName + " commented on \"Digest me\"").contains("/recordings/" + publicId)
                .doesNotContain("liked").contains("comments on your recordings, new followers");
        String oneClick = Mailbox.header(artistEmail, digest, "List-Unsubscribe").replaceAll("^<|>$", "");
        assertThat(Mailbox.header(artistEmail, digest, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        fan.submit(fan.get("/members/" + artistName), "form[action=/members/" + artistName + "/follow]", Map.of());
        assertThat(Mailbox.to(artistEmail, digest, 2)).as("one a day at most").hasSize(1);
        Catalogue.update("UPDATE notification_mail_settings SET last_digest_at = last_digest_at - interval '1 day' "
                + "WHERE member_id = (SELECT id FROM members WHERE nickname = ?)", artistName);
        List<String> nextDay = Mailbox.to(artistEmail, digest, 2);
        assertThat(nextDay).hasSize(2);
        assertThat(nextDay.get(1)).contains(fanName + " started following you").doesNotContain("Lovely digest material");

        String link = nextDay.get(1).replaceAll("(?s).*(/notifications/unsubscribe\\?token=[0-9a-f]{64}).*", "$1");
        WebClient fromTheMail = fan.stranger();
        Page page = fromTheMail.get(link);
        assertThat(page.text("[data-unsubscribe-form]")).contains(artistName);
        assertThat(artist.get("/settings/notifications").document().select("input[name=kind][checked]")).as("opening changes nothing")
                .hasSize(2);
        Page clicked = fan.stranger().send(HttpRequest.newBuilder(java.net.URI.create(oneClick))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(clicked.status()).as("a mail program's one click, without a page or a CSRF token").isEqualTo(200);
        assertThat(artist.get("/settings/notifications").document().select("input[name=kind][checked]")).isEmpty();
        Page done = fromTheMail.submit(page, "form[data-unsubscribe-form]", Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.document().select("[data-unsubscribed]")).as("the page's button, after the mail program's").hasSize(1);
        String unknown = oneClick.replaceAll("token=[0-9a-f]{64}", "token=" + "0".repeat(64));
        assertThat(fan.stranger().send(HttpRequest.newBuilder(java.net.URI.create(unknown)).POST(HttpRequest.BodyPublishers.noBody()))
                .status()).isEqualTo(404);
    }

    @Test
    void privateRecordingsCannotBeLikedCommentedOrReportedByOthers() {
        String publicId = track("Secret demo");
        Catalogue.makePrivate(publicId);
        String token = fan.get("/").csrfToken();
        assertThat(fan.post("/recordings/" + publicId + "/like", Map.of("_csrf", token)).status()).isEqualTo(404);
        assertThat(fan.post("/recordings/" + publicId + "/comments", Map.of("_csrf", token, "body", "hi")).status()).isEqualTo(404);
        assertThat(fan.get("/reports/new?kind=RECORDING&ref=" + publicId).status()).isEqualTo(404);
        assertThat(Catalogue.number("SELECT count(*) FROM recording_likes l JOIN recordings r ON r.id = l.recording_id "
                + "WHERE r.public_id = ?", publicId)).isZero();
    }

    @Test
    void playsCountOncePerListenerPerHalfHourAndNotForTheOwner() throws Exception {
        String publicId = track("Counted");
        String playlist = "/recordings/" + publicId + "/playlist.m3u8";
        WebClient visitor = fan.stranger();
        assertThat(visitor.get(playlist).status()).isEqualTo(200);
        assertThat(visitor.get(playlist).status()).isEqualTo(200);
        fan.get(playlist);
        fan.get(playlist);
        artist.get(playlist);
        assertThat(Catalogue.number("SELECT play_count FROM recordings WHERE public_id = ?", publicId)).isEqualTo(2);
        assertThat(fan.get("/recordings/" + publicId).text(".stat")).contains("2 plays");
        assertThat(Catalogue.number("SELECT coalesce(sum(p.plays), 0) FROM recording_daily_plays p JOIN recordings r "
                + "ON r.id = p.recording_id WHERE r.public_id = ?", publicId)).isEqualTo(2);
    }

    @Test
    void timedCommentsShowAsMarkersAndTakeReplies() {
        String publicId = track("Bridge section");
        String form = "form[action=/recordings/" + publicId + "/comments]";
        Page posted = fan.submit(fan.get("/recordings/" + publicId), form, Map.of("body", "That chord at the bridge!", "at", "0:42"));
        assertThat(posted.status()).isEqualTo(303);
        Page page = fan.get("/recordings/" + publicId);
        Element comment = page.document().selectFirst(".comment");
        assertThat(comment.text()).contains("That chord at the bridge!").contains("at 0:42");
        String commentId = comment.id().replace("comment-", "");
        assertThat(page.document().selectFirst("[data-marker-layer]").attr("data-markers")).isEqualTo("42000:" + commentId);
        assertThat(page.text(".comments h2")).contains("(1)");

        // The artist answers; the fan hears about it, the artist heard about the comment.
        Page reply = artist.submit(artist.get("/recordings/" + publicId), form, Map.of("body", "Thanks, it is a sus4", "replyTo", commentId));
        assertThat(reply.status()).isEqualTo(303);
        Document thread = fan.get("/recordings/" + publicId).document();
        assertThat(thread.select(".replies .comment").text()).contains("Thanks, it is a sus4").contains(artistName);
        assertThat(fan.get("/notifications").text(".notification")).contains("replied to your comment");
        assertThat(artist.get("/notifications").text(".notification")).contains("commented on");

        // Someone else may not delete the fan's comment; the fan may.
        WebClient other = new WebClient(Deployments.base(deployed));
        Members.signUp(other, "other");
        Page refused = other.post("/recordings/" + publicId + "/comments/" + commentId + "/delete", Map.of("_csrf", other.get("/").csrfToken()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(fan.post("/recordings/" + publicId + "/comments/" + commentId + "/delete", Map.of("_csrf", fan.get("/").csrfToken())).status()).isEqualTo(303);
        Document after = fan.get("/recordings/" + publicId).document();
        // The reply keeps its thread; the deleted comment's words are gone.
        assertThat(after.text()).doesNotContain("That chord at the bridge!").contains("This comment was deleted.").contains("it is a sus4");
    }

    @Test
    void badCommentsAreExplainedAndWhatWasTypedIsKept() {
        String publicId = track("Short one");
        String form = "form[action=/recordings/" + publicId + "/comments]";
        Page empty = fan.submit(fan.get("/recordings/" + publicId), form, Map.of("body", "  ", "at", "0:10"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.text("#body-help")).isEqualTo("Write something first.");
        Page badMoment = fan.submit(fan.get("/recordings/" + publicId), form, Map.of("body", "Keep me", "at", "soon"));
        assertThat(badMoment.status()).isEqualTo(422);
        assertThat(badMoment.text("#at-help")).contains("minutes:seconds");
        assertThat(badMoment.document().selectFirst("#body").text()).isEqualTo("Keep me");
        assertThat(badMoment.document().selectFirst("#at").val()).isEqualTo("soon");
        Page pastTheEnd = fan.submit(fan.get("/recordings/" + publicId), form, Map.of("body", "Later", "at", "5:00"));
        assertThat(pastTheEnd.status()).isEqualTo(422);
        assertThat(pastTheEnd.text("#at-help")).contains("past the end");
        Page tooLong = fan.submit(fan.get("/recordings/" + publicId), form, Map.of("body", "x".repeat(1001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(Catalogue.number("SELECT comment_count FROM recordings WHERE public_id = ?", publicId)).isZero();
    }

    @Test
    void commentsAreRateLimited() {
        String publicId = track("Popular");
        String form = "form[action=/recordings/" + publicId + "/comments]";
        // The twelve comments below must fall in one window of the limit.
        RateWindows.awaitFresh();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            statuses.add(fan.submit(fan.get("/recordings/" + publicId), form, Map.of("body", "Comment " + i)).status());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(303);
        assertThat(statuses.get(10)).isEqualTo(422);
        Page limited = fan.submit(fan.get("/recordings/" + publicId), form, Map.of("body", "One more"));
        assertThat(limited.text(".form-errors")).contains("Wait a minute");
        assertThat(limited.document().selectFirst("#body").text()).isEqualTo("One more");
        assertThat(Catalogue.number("SELECT count(*) FROM comments c JOIN recordings r ON r.id = c.recording_id "
                + "WHERE r.public_id = ?", publicId)).isEqualTo(10);
    }

    @Test
    void whatMembersTypeIsShownAsTextEverywhere() {
        String publicId = Catalogue.recording(artistName, SCRIPT, "", null, "CC_BY", Instant.now());
        Catalogue.tag(publicId, "<b>tag</b>");
        fan.submit(fan.get("/recordings/" + publicId), "form[action=/recordings/" + publicId + "/comments]",
                Map.of("body", SCRIPT));
        for (Page page : List.of(fan.get("/recordings/" + publicId), fan.get("/"), fan.get("/members/" + artistName),
                fan.get("/search?q=" + java.net.URLEncoder.encode(SCRIPT, java.nio.charset.StandardCharsets.UTF_8)),
                fan.get("/search?tag=" + java.net.URLEncoder.encode("<b>tag</b>", java.nio.charset.StandardCharsets.UTF_8)),
                fan.get("/embed/" + publicId), artist.get("/notifications"))) {
            Document document = page.document();
            assertThat(document.select("script:not([src])")).as(page.uri().toString()).isEmpty();
            assertThat(document.select("img[onerror], b")).as(page.uri().toString()).isEmpty();
            assertThat(page.body()).as(page.uri().toString()).doesNotContain(SCRIPT);
        }
        assertThat(fan.get("/recordings/" + publicId).text(".comment-body")).isEqualTo(SCRIPT);
        Page report = fan.submit(fan.get("/reports/new?kind=RECORDING&ref=" + publicId), "form[action=/reports]",
                Map.of("reason", "OTHER", "details", SCRIPT));
        assertThat(report.status()).isEqualTo(303);
    }

    @Test
    void followingBringsNewRecordingsIntoTheFollowingFeed() {
        assertThat(fan.get("/following").text(".empty")).contains("Nobody you follow");
        Page followed = fan.submit(fan.get("/members/" + artistName), "form[action=/members/" + artistName + "/follow]", Map.of());
        assertThat(followed.status()).isEqualTo(303);
        Page profile = fan.get("/members/" + artistName);
        assertThat(profile.text("[data-followers]")).isEqualTo("1");
        assertThat(profile.document().select("form[action=/members/" + artistName + "/unfollow]")).hasSize(1);
        assertThat(fan.get("/members/" + fanName + "/following").text(".people-list")).contains(artistName);
        assertThat(artist.get("/members/" + artistName + "/followers").text(".people-list")).contains(fanName);
        assertThat(unreadNotifications(artist)).isEqualTo(1);

        String publicId = track("Fresh for followers");
        assertThat(fan.get("/following").body()).contains(publicId);
        WebClient stranger = fan.stranger();
        assertThat(stranger.get("/following").location()).startsWith("/signin");

        // Marking read clears the count.
        artist.submit(artist.get("/notifications"), "form[action=/notifications/read]", Map.of());
        assertThat(unreadNotifications(artist)).isZero();

        fan.submit(fan.get("/members/" + artistName), "form[action=/members/" + artistName + "/unfollow]", Map.of());
        assertThat(fan.get("/following").body()).doesNotContain(publicId);
        // Nobody follows themselves.
        Page self = artist.post("/members/" + artistName + "/follow", Map.of("_csrf", artist.get("/").csrfToken()));
        assertThat(artist.get(self.location()).text(".flash")).contains("cannot follow yourself");
    }

    @Test
    void feedPagesNeitherRepeatNorSkipWhenNewRecordingsArrive() {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        List<String> older = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Two recordings share each second: the id breaks the tie.
            older.add(Catalogue.recording(artistName, "Take " + i, start.plusSeconds(i / 2)));
        }
        Page first = fan.get("/members/" + artistName);
        List<String> seen = new ArrayList<>(ids(first));
        assertThat(seen).hasSize(20);
        for (int i = 0; i < 5; i++) {
            track("Newer " + i);
        }
        String more = first.document().selectFirst("[data-more]").attr("href");
        Page second = fan.get(more);
        seen.addAll(ids(second));
        assertThat(second.document().select("[data-more]")).isEmpty();
        List<String> expected = new ArrayList<>(older);
        java.util.Collections.reverse(expected);
        assertThat(seen).containsExactlyElementsOf(expected);

        // The site-wide latest feed pages the same way: no recording twice.
        List<String> latest = new ArrayList<>();
        Page page = fan.get("/");
        for (int pages = 0; pages < 3; pages++) {
            latest.addAll(ids(page));
            Element next = page.document().selectFirst("[data-more]");
            if (next == null) {
                break;
            }
            page = fan.get(next.attr("href"));
        }
        assertThat(latest).doesNotHaveDuplicates().hasSizeGreaterThan(24);
    }

    private static List<String> ids(Page page) {
        return page.document().select("#feed-items > li[data-recording]").eachAttr("data-recording");
    }

    @Test
    void trendingRanksByRecentLikesAndPlays() throws Exception {
        String quiet = track("Quiet one");
        String loved = track("Loved one");
        like(fan, loved, "like");
        fan.stranger().get("/recordings/" + loved + "/playlist.m3u8");
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> trending = List.of();
        while (System.nanoTime() < deadline) {
            trending = ids(fan.get("/?feed=trending"));
            if (trending.contains(loved)) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(trending).contains(loved).doesNotContain(quiet);
    }

    @Test
    void searchFindsRecordingsMembersAndTagsInKoreanAndEnglish() {
        String korean = Catalogue.recording(artistName, "봄날의 사랑 노래", "발라드 피아노", "ballad", "CC_BY", Instant.now());
        String english = Catalogue.recording(artistName, "Midnight Harbour Lights", "calm synth waves", "ambient", "CC0", Instant.now());
        Catalogue.tag(english, "harbourwave");

        assertThat(ids(fan.get("/search?q=" + enc("사랑")))).contains(korean);
        assertThat(ids(fan.get("/search?q=" + enc("봄날")))).contains(korean);
        assertThat(ids(fan.get("/search?q=" + enc("midnight harbour")))).contains(english).doesNotContain(korean);
        // A typo still finds it, by trigram similarity.
        assertThat(ids(fan.get("/search?q=" + enc("Midnite Harbor Lights")))).contains(english);
        // Prefixes of words match.
        assertThat(ids(fan.get("/search?q=" + enc("harb")))).contains(english);
        // Filters narrow the results.
        assertThat(ids(fan.get("/search?q=" + enc("harbour") + "&genre=ambient&license=CC0"))).contains(english);
        assertThat(ids(fan.get("/search?q=" + enc("harbour") + "&genre=rock"))).doesNotContain(english);
        assertThat(ids(fan.get("/search?q=" + enc("harbour") + "&license=CC_BY"))).doesNotContain(english);
        // Relevance: the word in a title counts for more than in a description, even an older title.
        String titled = Catalogue.recording(artistName, "Lanternfish at Dawn", "slow and quiet", "ambient", "CC0",
                Instant.now().minusSeconds(3600));
        String described = Catalogue.recording(artistName, "Deep Water", "where a lanternfish swims by", "ambient", "CC0",
                Instant.now());
        assertThat(ids(fan.get("/search?q=" + enc("lanternfish")))).containsExactly(titled, described);
        assertThat(ids(fan.get("/search?q=" + enc("lanternfish") + "&sort=date"))).containsExactly(described, titled);
        Page tags = fan.get("/search?q=" + enc("harbourwave"));
        assertThat(tags.text(".search-tags")).contains("#harbourwave");
        assertThat(ids(fan.get("/search?tag=harbourwave"))).containsExactly(english);
        // Members, by a part of their nickname.
        assertThat(fan.get("/search?q=" + enc(artistName)).text(".search-members")).contains(artistName);
        // Private recordings are not found, at once: searches are kept for a few seconds, and an
        // owner's change is heard by every instance.
        assertThat(ids(fan.get("/search?q=" + enc("midnight harbour")))).contains(english);
        Page madePrivate = artist.submit(artist.get("/recordings/" + english + "/edit"),
                "form[action=/recordings/" + english + "/edit]", Map.of("visibility", "PRIVATE"));
        assertThat(madePrivate.status()).isEqualTo(303);
        assertThat(ids(fan.get("/search?q=" + enc("midnight harbour")))).doesNotContain(english);
        // Nor are the tags only they carry.
        Page tagsOfNothingListed = fan.get("/search?q=" + enc("harbourwave"));
        assertThat(tagsOfNothingListed.status()).isEqualTo(200);
        assertThat(java.util.Objects.toString(tagsOfNothingListed.text(".search-tags"), "")).doesNotContain("#harbourwave");
        // Too long a query is refused with a message, and kept in the box.
        Page tooLong = fan.get("/search?q=" + "a".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text(".field-error")).contains("at most 200");
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void browsingByGenreAndInstrumentShowsTheirRecordings() {
        String ambient = Catalogue.recording(artistName, "Tide Pools", "slow", "ambient", "CC0", Instant.now());
        String rock = Catalogue.recording(artistName, "Loud Garage", "fast", "rock", "CC0", Instant.now());
        Catalogue.update("INSERT INTO recording_instruments (recording_id, instrument_id) SELECT r.id, i.id "
                + "FROM recordings r, instruments i WHERE r.public_id = ? AND i.slug = 'electric-guitar'", rock);

        Page genre = fan.get("/genres/ambient");
        assertThat(genre.status()).isEqualTo(200);
        assertThat(ids(genre)).contains(ambient).doesNotContain(rock);
        Page instrument = fan.get("/instruments/electric-guitar");
        assertThat(instrument.status()).isEqualTo(200);
        assertThat(ids(instrument)).contains(rock).doesNotContain(ambient);
        // The home page's links lead there.
        assertThat(fan.get("/").document().select("a[href=/genres/ambient]")).isNotEmpty();
        assertThat(fan.get("/genres/no-such-genre").status()).isEqualTo(404);
    }

    @Test
    void reportsAreStoredOnceAndExplainBadInput() {
        String publicId = track("Questionable");
        String form = "form[action=/reports]";
        Page missingReason = fan.submit(fan.get("/reports/new?kind=RECORDING&ref=" + publicId), form, Map.of("details", "keep this"));
        assertThat(missingReason.status()).isEqualTo(422);
        assertThat(missingReason.text(".field-error")).contains("Choose a reason");
        assertThat(missingReason.document().selectFirst("#details").text()).isEqualTo("keep this");
        Page sent = fan.submit(fan.get("/reports/new?kind=RECORDING&ref=" + publicId), form,
                Map.of("reason", "COPYRIGHT", "details", "This is my song"));
        assertThat(sent.status()).isEqualTo(303);
        Page again = fan.submit(fan.get("/reports/new?kind=RECORDING&ref=" + publicId), form, Map.of("reason", "SPAM"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text(".form-errors")).contains("reported this already");
        assertThat(Catalogue.number("SELECT count(*) FROM reports WHERE target_kind = 'RECORDING' AND target_ref = ? "
                + "AND reason = 'COPYRIGHT' AND details = 'This is my song'", publicId)).isEqualTo(1);
        assertThat(fan.submit(fan.get("/reports/new?kind=MEMBER&ref=" + artistName), form, Map.of("reason", "SPAM")).status())
                .isEqualTo(303);
        assertThat(fan.get("/reports/new?kind=MEMBER&ref=nobody-at-all").status()).isEqualTo(404);
        assertThat(fan.stranger().get("/reports/new?kind=MEMBER&ref=" + artistName).status()).isEqualTo(303);
    }

    @Test
    void profilePicturesAreResizedStoredAndServed() throws Exception {
        // The settings page sets the CSRF cookie that scripts echo in their header.
        artist.get("/settings/profile");
        Page uploaded = artist.send(HttpRequest.newBuilder(artist.base().resolve("/api/profile/avatar"))
                .header("Content-Type", "image/png").header("X-CSRF-Token", csrfCookie(artist))
                .POST(HttpRequest.BodyPublishers.ofByteArray(png(1200, 900))));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        String url = com.soundhub.testing.Uploads.json(uploaded.body()).getString("url");
        Page picture = fan.stranger().get(url);
        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.header("Content-Type")).startsWith("image/jpeg");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(fan.stranger().sendBytes(url)));
        assertThat(stored.getWidth()).isEqualTo(400);
        assertThat(stored.getHeight()).isEqualTo(400);
        assertThat(fan.get("/members/" + artistName).document().select("img.avatar-image").attr("src")).isEqualTo(url);

        // A new avatar replaces the stored one, which is deleted once the new one is recorded.
        String firstKey = avatarKey(artistName);
        assertThat(TestInfrastructure.storage().describe(firstKey)).isPresent();
        Page replaced = artist.send(HttpRequest.newBuilder(artist.base().resolve("/api/profile/avatar"))
                .header("Content-Type", "image/png").header("X-CSRF-Token", csrfCookie(artist))
                .POST(HttpRequest.BodyPublishers.ofByteArray(png(300, 500))));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(com.soundhub.testing.Uploads.json(replaced.body()).getString("url")).isNotEqualTo(url);
        String secondKey = avatarKey(artistName);
        assertThat(secondKey).isNotEqualTo(firstKey);
        assertThat(TestInfrastructure.storage().describe(secondKey)).isPresent();
        assertThat(TestInfrastructure.storage().describe(firstKey)).as("the replaced avatar is deleted").isEmpty();

        Page notAPicture = artist.send(HttpRequest.newBuilder(artist.base().resolve("/api/profile/banner"))
                .header("Content-Type", "image/png").header("X-CSRF-Token", csrfCookie(artist))
                .POST(HttpRequest.BodyPublishers.ofString("this is not a png")));
        assertThat(notAPicture.status()).isEqualTo(422);
        assertThat(notAPicture.body()).contains("not a picture SoundHub can read");
        Page forged = artist.send(HttpRequest.newBuilder(artist.base().resolve("/api/profile/avatar"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png(100, 100))));
        assertThat(forged.status()).isEqualTo(403);
    }

    private static String avatarKey(String nickname) throws SQLException {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement("SELECT avatar_key FROM members WHERE nickname = ?")) {
            query.setString(1, nickname);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static String csrfCookie(WebClient client) {
        return client.cookie("soundhub_csrf").orElseThrow();
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, 0xff000000 | ((x * 255 / width) << 16) | ((y * 255 / height) << 8));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    @Test
    void everyViewerGetsTheSamePublicPageAndTheirOwnPartAfterIt() {
        String path = "/recordings/" + track("The same for everyone");
        WebClient visitor = fan.stranger();
        // A HEAD first: its empty answer is not what the GETs get.
        assertThat(visitor.send(HttpRequest.newBuilder(visitor.base().resolve(path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(200);
        Page first = visitor.get(path);
        assertThat(first.text(".recording-title h1")).isEqualTo("The same for everyone");
        Page members = fan.get(path);
        Page visitors = fan.stranger().get(path);
        assertThat(first.status()).isEqualTo(200);
        // One copy for everyone: visitors and members get it byte for byte, with nobody's data in it.
        assertThat(members.header("X-Page-Cache")).isEqualTo("hit");
        assertThat(members.body()).isEqualTo(first.body()).isEqualTo(visitors.body());
        assertThat(members.body()).doesNotContain(fanName).doesNotContain(csrfCookie(fan));
        assertThat(members.header("Content-Security-Policy")).isNotBlank();
        assertThat(members.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(members.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));

        // What is the member's own comes from the page's viewer part: their header, token and buttons.
        Document own = members.document();
        assertThat(own.selectFirst(".site-nav").text()).contains(fanName).contains("Sign out").doesNotContain("Sign in");
        assertThat(own.selectFirst("meta[name=csrf-token]").attr("content")).isEqualTo(csrfCookie(fan));
        assertThat(own.select("input[name=_csrf]").eachAttr("value")).hasSizeGreaterThan(2).containsOnly(csrfCookie(fan));
        assertThat(own.select("form[action=" + path + "/like]")).hasSize(1);
        assertThat(own.select("a[href=" + path + "/edit]")).isEmpty();
        Page viewerPart = fan.get(path + "/viewer");
        assertThat(viewerPart.header("Cache-Control")).contains("no-store");
        assertThat(visitor.get(path + "/viewer").body()).doesNotContain(fanName);
        // Visitors see the page as it is: sign-in links, no forms to send.
        Document visitorsView = first.document();
        assertThat(visitorsView.selectFirst(".site-nav").text()).contains("Sign in");
        assertThat(visitorsView.select("form[method=post]")).isEmpty();

        // A like goes through the page's form and shows to the liker at once, in their part.
        assertThat(fan.submit(members, "form[action=" + path + "/like]", Map.of()).status()).isEqualTo(303);
        Page liked = fan.get(path);
        assertThat(ariaPressed(liked)).isEqualTo("true");
        assertThat(likeCount(liked)).isEqualTo(1);
        // The owner gets the same page, with their controls in their part.
        Page owners = artist.get(path);
        assertThat(owners.body()).isEqualTo(fan.get(path).body());
        assertThat(owners.document().select("a[href=" + path + "/edit]")).hasSize(1);
        assertThat(owners.document().selectFirst(".site-nav").text()).contains(artistName);
        // A new follower's notification shows in the header at once (the like was the first).
        assertThat(owners.document().selectFirst("[data-unread-notifications]").text()).isEqualTo("1");
        String artistsProfile = "/members/" + artistName;
        fan.submit(fan.get(artistsProfile), "form[action=" + artistsProfile + "/follow]", Map.of());
        assertThat(artist.get(path).document().selectFirst("[data-unread-notifications]").text()).isEqualTo("2");
        // Files under a recording, such as its playlist (each fetch counts a play), are never kept.
        assertThat(fan.stranger().get(path + "/artwork.svg").headers().firstValue("X-Page-Cache")).isEmpty();
    }

    /** The front page once it lists a new recording: the feed is kept for a few seconds, so new ones show within them. */
    private static Page homeListing(WebClient who, String publicId) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Page home = who.get("/");
        while (!ids(home).contains(publicId) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            home = who.get("/");
        }
        assertThat(ids(home)).as("the latest feed lists the new recording").contains(publicId);
        return home;
    }

    @Test
    void keptPagesNeverRunWhatMembersTyped() {
        String expressions = "[[${7*6}]] [(${7*7})]";
        String title = expressions + " " + SCRIPT;
        WebClient other = new WebClient(Deployments.base(deployed));
        String otherName = Members.signUp(other, "other");
        String publicId = Catalogue.recording(artistName, title, "", null, "CC_BY", Instant.now());
        Page first = homeListing(fan, publicId);
        Element card = first.document().selectFirst("[data-recording=" + publicId + "]");
        assertThat(card.selectFirst("strong").text()).isEqualTo(title);
        // Changed behind the application's back: the next member gets the kept page, and the text in
        // it is the text the member typed, not an expression.
        Catalogue.update("UPDATE recordings SET title = 'Renamed quietly' WHERE public_id = ?", publicId);
        Page kept = other.get("/");
        assertThat(kept.header("X-Page-Cache")).isEqualTo("hit");
        Element keptCard = kept.document().selectFirst("[data-recording=" + publicId + "]");
        assertThat(keptCard.selectFirst("strong").text()).isEqualTo(title);
        assertThat(kept.body()).contains(expressions);
        assertThat(kept.document().select("script:not([src]), img[onerror]")).isEmpty();
        // The header on the kept page is the member's own.
        assertThat(kept.text(".site-nav")).contains(otherName).doesNotContain(fanName);
        assertThat(kept.csrfToken()).isNotEqualTo(first.csrfToken());
    }

    @Test
    void commentListsAreTheSameForEveryoneAndOwnCommentsShowAtOnce() {
        String path = "/recordings/" + track("Talked about");
        String form = "form[action=" + path + "/comments]";
        String deleteForms = "#comment-list form[action$=/delete]";
        fan.submit(fan.get(path), form, Map.of("body", "First!"));
        Page fans = fan.get(path);
        assertThat(fans.document().select(deleteForms)).as("the author may delete their comment").hasSize(1);

        // Members who wrote nothing here may reply and report, and delete nothing.
        WebClient listener = new WebClient(Deployments.base(deployed));
        Members.signUp(listener, "listener");
        Page listeners = listener.get(path);
        assertThat(listeners.body()).isEqualTo(fans.body());
        assertThat(listeners.document().select(deleteForms)).isEmpty();
        assertThat(listeners.document().select("#comment-list a[href*=kind=COMMENT]")).hasSize(1);
        assertThat(listeners.document().select("#comment-list [data-reply]")).hasSize(1);
        // Visitors see the comments and none of the controls.
        Document visitors = fan.stranger().get(path).document();
        assertThat(visitors.select("#comment-list .comment-body").eachText()).containsExactly("First!");
        assertThat(visitors.select("#comment-list .comment-actions, " + form)).isEmpty();

        // A member's own comment shows at once, to them and everyone else, deletable by them.
        Page posted = listener.submit(listeners, form, Map.of("body", "Second!"));
        assertThat(posted.status()).isEqualTo(303);
        Document own = listener.get(path).document();
        assertThat(own.select("#comment-list .comment-body").eachText()).containsExactly("Second!", "First!");
        assertThat(own.select(deleteForms)).hasSize(1);
        assertThat(own.selectFirst(deleteForms).attr("action")).contains(own.selectFirst("#comment-list .comment").id().replace("comment-", ""));
        Document others = fan.get(path).document();
        assertThat(others.select("#comment-list .comment-body").eachText()).containsExactly("Second!", "First!");
        assertThat(others.select(deleteForms)).hasSize(1);
        // The recording's owner may delete any of them.
        assertThat(artist.get(path).document().select(deleteForms)).hasSize(2);
        // A deleted comment leaves the list at once.
        String firstId = fans.document().selectFirst("#comment-list .comment").id().replace("comment-", "");
        assertThat(fan.post(path + "/comments/" + firstId + "/delete", Map.of("_csrf", fan.get("/").csrfToken())).status())
                .isEqualTo(303);
        assertThat(listener.get(path).document().select("#comment-list .comment-body").eachText()).containsExactly("Second!");
    }

    private static String ariaPressed(Page page) {
        return page.document().selectFirst(".like-button").attr("aria-pressed");
    }

    @Test
    void profilesShowEachViewerWhetherTheyFollowAndWhoseTheyAre() {
        String path = "/members/" + artistName;
        WebClient follower = new WebClient(Deployments.base(deployed));
        Members.signUp(follower, "follower");
        assertThat(follower.submit(follower.get(path), "form[action=" + path + "/follow]", Map.of()).status()).isEqualTo(303);

        Page notFollowing = fan.get(path);
        assertThat(notFollowing.document().select("form[action=" + path + "/follow]")).hasSize(1);
        Page following = follower.get(path);
        assertThat(following.body()).isEqualTo(notFollowing.body());
        assertThat(following.document().select("form[action=" + path + "/unfollow]")).hasSize(1);
        assertThat(following.document().select("form[action=" + path + "/follow]")).isEmpty();
        assertThat(following.text("[data-followers]")).isEqualTo("1");

        Document own = artist.get(path).document();
        assertThat(own.select("a[href=/settings/profile][role=button]")).hasSize(1);
        assertThat(own.select("form[action=" + path + "/follow]")).isEmpty();
        Document visitors = fan.stranger().get(path).document();
        assertThat(visitors.select("form[method=post]")).isEmpty();
        assertThat(visitors.text()).contains("Sign in to follow");

        // The "following" feed is each member's own, never kept.
        Page feed = follower.get("/following");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.headers().firstValue("X-Page-Cache")).isEmpty();
        assertThat(follower.get("/?feed=following").location()).isEqualTo("/following");
    }

    @Test
    void aRecordingMadePrivateLeavesEveryKeptListAtOnce() {
        String publicId = Catalogue.recording(artistName, "Soon private", "", null, "CC_BY", Instant.now());
        homeListing(fan, publicId);
        assertThat(fan.get("/recordings/" + publicId).status()).isEqualTo(200);
        assertThat(fan.get("/recordings/" + publicId).header("X-Page-Cache")).isEqualTo("hit");
        assertThat(ids(fan.get("/members/" + artistName))).contains(publicId);
        Page saved = artist.submit(artist.get("/recordings/" + publicId + "/edit"),
                "form[action=/recordings/" + publicId + "/edit]", Map.of("visibility", "PRIVATE"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(ids(fan.get("/"))).doesNotContain(publicId);
        assertThat(ids(fan.get("/members/" + artistName))).doesNotContain(publicId);
        assertThat(fan.get("/recordings/" + publicId).status()).isEqualTo(404);
        // Its owner still sees it, rendered for them alone.
        Page owners = artist.get("/recordings/" + publicId);
        assertThat(owners.status()).isEqualTo(200);
        assertThat(owners.headers().firstValue("X-Page-Cache")).isEmpty();
        assertThat(owners.document().select("a[href=/recordings/" + publicId + "/edit]")).hasSize(1);
    }

    @Test
    void everyPageHasOneMainAndTheSiteHasItsIcon() {
        String path = "/recordings/" + track("One main");
        for (Page page : List.of(fan.get("/"), fan.get(path), fan.stranger().get(path), fan.get("/members/" + artistName),
                fan.get("/search?q=main"), fan.get("/messages"), fan.stranger().get("/signin"))) {
            assertThat(page.document().select("main")).as("one main on " + page.uri()).hasSize(1);
            assertThat(page.document().select("main#main h1")).as("the page's content in it on " + page.uri()).isNotEmpty();
        }
        // Browsers ask for /favicon.ico by themselves, whatever icon a page names.
        Page icon = fan.stranger().get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).startsWith("image/");
        assertThat(icon.header("Cache-Control")).as("an address without a version is kept a day").contains("max-age=86400");
    }

    @Test
    void theEmbedCodeKeepsAnyTitleInsideItsOneIframe() {
        String title = "Quiet tune\" onload=\"alert(document.domain)\" x=\"";
        String publicId = track(title);
        Page page = fan.stranger().get("/recordings/" + publicId);
        String code = page.document().selectFirst("#embed-code").val();
        Document pasted = org.jsoup.Jsoup.parseBodyFragment(code);
        assertThat(pasted.body().children()).hasSize(1);
        assertThat(pasted.body().select("*")).hasSize(2); // the body and the one iframe
        Element iframe = pasted.selectFirst("iframe");
        assertThat(iframe.attributes().asList()).extracting(org.jsoup.nodes.Attribute::getKey)
                .containsExactly("src", "width", "height", "frameborder", "title");
        assertThat(iframe.attr("src")).isEqualTo(fan.base().resolve("/embed/" + publicId).toString());
        assertThat(iframe.attr("title")).isEqualTo(title + " on SoundHub");
        assertThat(iframe.childNodeSize()).isZero();
    }

    @Test
    void tagsOnARecordingLinkToTheirSearch() {
        String publicId = track("Tagged tune");
        Catalogue.tag(publicId, "rainy day");
        Catalogue.tag(publicId, "lofi");
        Page page = fan.stranger().get("/recordings/" + publicId);
        Element link = page.document().select(".tags a[rel=tag]").stream()
                .filter(a -> a.text().equals("#rainy day")).findFirst().orElseThrow();
        assertThat(java.net.URLDecoder.decode(link.attr("href"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("/search?tag=rainy day");
        Page search = fan.stranger().get(link.attr("href"));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.document().select(".search-recordings [data-recording=" + publicId + "]")).hasSize(1);
    }

    @Test
    void aSearchWithoutAWordFindsNothingAndSuggestsWhereToStart() {
        String publicId = track("Suggested tune");
        Catalogue.tag(publicId, "suggested");
        for (String q : List.of("%", "_", "!!!???", "(", "\uD83C\uDFB5", "", "   ")) {
            Page page = fan.stranger().get("/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.status()).as(q).isEqualTo(200);
            Document document = page.document();
            assertThat(document.select(".search-recordings")).as(q).isEmpty();
            assertThat(document.select(".search-suggestions")).as(q).hasSize(1);
            assertThat(document.select(".search-suggestions a[href=/search?tag=suggested]")).as(q).hasSize(1);
            assertThat(document.select(".search-suggestions [data-recording]")).as("recent uploads for " + q).isNotEmpty();
            assertThat(document.select(".search-suggestions a[href^=/search?genre=]")).as("genres for " + q).isNotEmpty();
            if (!q.isBlank()) {
                assertThat(document.select(".search-suggestions .empty").text()).as(q).contains("no letters or numbers");
            }
        }
        // A word still searches, and punctuation beside a filter searches by the filter.
        assertThat(fan.stranger().get("/search?q=Suggested").document()
                .select(".search-recordings [data-recording=" + publicId + "]")).hasSize(1);
        assertThat(fan.stranger().get("/search?q=%25&tag=suggested").document()
                .select(".search-recordings [data-recording=" + publicId + "]")).hasSize(1);
    }

    @Test
    void aRejectedCommentStaysOnTheRecordingAndSaysWhatIsWrong() {
        String publicId = track("One minute long");
        String path = "/recordings/" + publicId;
        String form = "form[action=" + path + "/comments]";
        Page page = fan.get(path);
        Element commentForm = page.document().selectFirst(form);
        assertThat(commentForm.attr("hx-post")).isEqualTo(path + "/comments");
        assertThat(commentForm.attr("hx-select")).isEqualTo("#comment-form");
        assertThat(commentForm.attr("hx-target")).isEqualTo("this");
        assertThat(commentForm.attr("hx-swap")).isEqualTo("outerHTML");

        Page pastTheEnd = fan.submit(page, form, Map.of("body", "Later", "at", "9:99"));
        assertThat(pastTheEnd.status()).isEqualTo(422);
        assertThat(pastTheEnd.text("#at-help")).contains("past the end").contains("1:00");
        Page badSeconds = fan.submit(fan.get(path), form, Map.of("body", "Soon", "at", "0:60"));
        assertThat(badSeconds.text("#at-help")).contains("minutes:seconds").contains("59");

        // As the page's script sends it: the answer's form, errors and all, replaces the page's.
        String token = page.csrfToken();
        Page swapped = htmxComment(fan, path, Map.of("_csrf", token, "body", "Keep me", "at", "9:99", "replyTo", ""));
        assertThat(swapped.status()).isEqualTo(422);
        Element newForm = org.jsoup.Jsoup.parse(swapped.body()).getElementById("comment-form");
        assertThat(newForm.selectFirst("#at-help").text()).contains("past the end");
        assertThat(newForm.selectFirst("#body").text()).isEqualTo("Keep me");
        assertThat(newForm.selectFirst("#at").val()).isEqualTo("9:99");
        Page posted = htmxComment(fan, path, Map.of("_csrf", token, "body", "Right there", "at", "0:30", "replyTo", ""));
        assertThat(posted.status()).isEqualTo(204);
        assertThat(posted.header("HX-Redirect")).matches(path + "#comment-[0-9]+");
        assertThat(posted.header("HX-Refresh")).isEqualTo("true");
        assertThat(fan.get(path).text(".comment-body")).isEqualTo("Right there");

        // Without scripts, the address a rejected comment leaves leads back to the recording.
        Page back = fan.get(path + "/comments");
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.header("Location")).endsWith(path + "#comments");

        // A megabyte of comment is refused, and no more than a comment may hold comes back.
        Page huge = fan.submit(fan.get(path), form, Map.of("body", "x".repeat(1_000_000)));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.text("#body-help")).contains("1,000");
        assertThat(huge.document().selectFirst("#body").text()).isEqualTo("x".repeat(1000));
        assertThat(huge.body().length()).isLessThan(100_000);
    }

    private static Page htmxComment(WebClient who, String path, Map<String, String> fields) {
        return who.send(HttpRequest.newBuilder(who.base().resolve(path + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.urlEncode(fields))));
    }

    @Test
    void aCoverPictureIsResizedAndShownOnCardsThePageAndTheEmbed() throws Exception {
        String publicId = track("Covered tune");
        artist.get("/recordings/" + publicId + "/edit");
        Page uploaded = postCover(artist, publicId, png(1200, 800));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        String url = com.soundhub.testing.Uploads.json(uploaded.body()).getString("url");
        assertThat(url).startsWith("/recordings/" + publicId + "/cover.jpg?v=");
        Page picture = fan.stranger().get(url);
        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.header("Content-Type")).startsWith("image/jpeg");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(fan.stranger().sendBytes(url)));
        assertThat(stored.getWidth()).isEqualTo(600);
        assertThat(stored.getHeight()).isEqualTo(600);

        String shown = "img[src=\"" + url + "\"]";
        assertThat(fan.stranger().get("/recordings/" + publicId).document().select("img.artwork[src=\"" + url + "\"]")).hasSize(1);
        assertThat(fan.stranger().get("/embed/" + publicId).document().select(shown)).hasSize(1);
        assertThat(fan.stranger().get("/search?q=Covered").document().select(".search-recordings " + shown)).hasSize(1);
        assertThat(fan.stranger().get("/members/" + artistName).document().select(shown)).hasSize(1);
        Document edit = artist.get("/recordings/" + publicId + "/edit").document();
        assertThat(edit.select("[data-picture-input=/api/recordings/" + publicId + "/cover]")).hasSize(1);
        assertThat(edit.select("img[data-picture-preview][src=\"" + url + "\"]")).hasSize(1);

        // A new cover replaces the stored one, which is deleted once the new one is recorded.
        String firstKey = coverKey(publicId);
        Page replaced = postCover(artist, publicId, png(300, 500));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(coverKey(publicId)).isNotEqualTo(firstKey).startsWith("recordings/" + publicId + "/cover-");
        assertThat(TestInfrastructure.storage().describe(firstKey)).as("the replaced cover is deleted").isEmpty();

        Page notAPicture = artist.send(HttpRequest.newBuilder(artist.base().resolve("/api/recordings/" + publicId + "/cover"))
                .header("Content-Type", "image/png").header("X-CSRF-Token", csrfCookie(artist))
                .POST(HttpRequest.BodyPublishers.ofString("this is not a png")));
        assertThat(notAPicture.status()).isEqualTo(422);
        assertThat(notAPicture.body()).contains("not a picture SoundHub can read");
        fan.get("/");
        assertThat(postCover(fan, publicId, png(100, 100)).status()).as("only the owner changes the cover").isEqualTo(404);
    }

    private static Page postCover(WebClient who, String publicId, byte[] picture) {
        return who.send(HttpRequest.newBuilder(who.base().resolve("/api/recordings/" + publicId + "/cover"))
                .header("Content-Type", "image/png").header("X-CSRF-Token", csrfCookie(who))
                .POST(HttpRequest.BodyPublishers.ofByteArray(picture)));
    }

    private static String coverKey(String publicId) {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement("SELECT cover_key FROM recordings WHERE public_id = ?")) {
            query.setString(1, publicId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheEmbedPageMayBeFramedByOtherSites() {
        String publicId = track("Embeddable");
        Page embed = fan.stranger().get("/embed/" + publicId);
        assertThat(embed.status()).isEqualTo(200);
        assertThat(embed.header("Content-Security-Policy")).contains("frame-ancestors *");
        assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(embed.document().select("[data-player]")).hasSize(1);
        Page page = fan.get("/recordings/" + publicId);
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.document().selectFirst("#embed-code").val()).contains("/embed/" + publicId);
        // Visitors who are not signed in get kept copies of the page; the owner's change reaches them at once.
        assertThat(fan.stranger().get("/embed/" + publicId).header("X-Page-Cache")).isEqualTo("hit");
        Page saved = artist.submit(artist.get("/recordings/" + publicId + "/edit"),
                "form[action=/recordings/" + publicId + "/edit]", Map.of("visibility", "PRIVATE"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(fan.stranger().get("/embed/" + publicId).status()).isEqualTo(404);
        assertThat(fan.stranger().get("/recordings/" + publicId).status()).isEqualTo(404);
    }
}
