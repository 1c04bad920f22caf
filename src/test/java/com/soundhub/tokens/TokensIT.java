package com.soundhub.tokens;

import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.Uploads;
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
 * Personal access tokens over HTTP: created on the settings page and shown once, used on the API
 * by a client without cookies, scoped, revoked, and refused when wrong.
 */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class TokensIT {

    private static final String TOKENS = "/settings/tokens";

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

        Page tokensPage() {
            Page page = browser.get(TOKENS);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            return page;
        }

        Page create(String name, String scope) {
            return browser.submit(tokensPage(), "form.token-form", Map.of("name", name, "scope", scope));
        }

        /** Creates a token and returns its secret, as the page shows it once. */
        String token(String name, String scope) {
            Page created = create(name, scope);
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            String secret = created.document().selectFirst("input#new-token").val();
            assertThat(secret).startsWith("shp_").hasSize(44);
            return secret;
        }

        Element row(Page page, String name) {
            return page.document().select("tr.token-item").stream()
                    .filter(row -> row.selectFirst(".token-name").text().equals(name))
                    .findFirst().orElse(null);
        }
    }

    /** A request from a program that has no cookies, only the token (or none). */
    private Page api(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(anonymous.base().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return anonymous.stranger().send(request);
    }

    private Page me(String token) {
        return api("GET", "/api/v1/me", token == null ? null : "Bearer " + token);
    }

    private static void expectRefused(Page answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonObject body = Uploads.json(answer.body());
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("error")).isNotBlank();
    }

    @Test
    void aTokenIsShownOnceAndAuthenticatesTheApiUntilRevoked() throws Exception {
        Person mina = person("mina");
        Page empty = mina.tokensPage();
        assertThat(empty.text("nav.tabs [aria-current=page]")).isEqualTo("Access tokens");
        assertThat(empty.text(".empty")).contains("no access tokens");

        String token = mina.token("laptop", "write");
        Page reloaded = mina.tokensPage();
        assertThat(reloaded.document().selectFirst("input#new-token")).as("the token is shown only once").isNull();
        assertThat(reloaded.body()).doesNotContain(token);
        Element row = mina.row(reloaded, "laptop");
        assertThat(row).isNotNull();
        assertThat(row.selectFirst(".token-scope").text()).isEqualTo("write");
        assertThat(row.selectFirst(".token-created").text()).isNotBlank();
        assertThat(row.selectFirst(".token-last-used").text()).isEqualTo("never");
        assertThat(storedHashes(mina)).as("only the SHA-256 is stored")
                .containsExactly(HexFormat.of().formatHex(TokenRules.hash(token)));

        Page me = me(token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(Uploads.json(me.body()).getString("nickname")).isEqualTo(mina.nickname());
        assertThat(Uploads.json(me.body()).getString("scope")).isEqualTo("write");
        assertThat(me.headers().allValues("Set-Cookie")).as("a token logs in for that request only").isEmpty();

        // The session answers the same question for the site's own scripts.
        Page bySession = mina.browser().get("/api/v1/me");
        assertThat(bySession.status()).isEqualTo(200);
        assertThat(Uploads.json(bySession.body()).getString("scope")).isEqualTo("session");

        Page used = mina.tokensPage();
        assertThat(mina.row(used, "laptop").selectFirst(".token-last-used").text()).isEqualTo("just now");

        Page revoked = mina.browser().submit(used, "tr.token-item[data-token-id] form.revoke-form", Map.of());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(303);
        assertThat(revoked.location()).isEqualTo(TOKENS);
        Page after = mina.browser().get(TOKENS);
        assertThat(mina.row(after, "laptop")).isNull();
        assertThat(after.text(".flash-success")).contains("revoked");
        expectRefused(me(token), 401);
    }

    @Test
    void missingOrWrongTokensAreRefusedWithoutFallingBackToTheCookie() throws Exception {
        expectRefused(me(null), 401);
        expectRefused(me("shp_" + "x".repeat(40)), 401);
        expectRefused(me("not even a token"), 401);
        expectRefused(api("GET", "/api/v1/me", "Bearer"), 401);

        Person jun = person("jun");
        // A browser signed in by its cookie still gets 401 once it sends a wrong token.
        Page wrong = jun.browser().send(HttpRequest.newBuilder(jun.browser().base().resolve("/api/v1/me"))
                .header("Authorization", "Bearer shp_" + "0".repeat(40)).GET());
        expectRefused(wrong, 401);
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");

        // Expired tokens and suspended members' tokens stop working.
        String expiring = jun.token("old", "read");
        assertThat(me(expiring).status()).isEqualTo(200);
        sql("UPDATE access_tokens SET expires_at = now() - interval '1 minute' WHERE name = 'old'");
        expectRefused(me(expiring), 401);
        Page list = jun.tokensPage();
        assertThat(jun.row(list, "old").selectFirst(".token-expires").text()).contains("expired");

        String token = jun.token("desktop", "write");
        assertThat(me(token).status()).isEqualTo(200);
        sql("UPDATE members SET status = 'SUSPENDED' WHERE nickname = '" + jun.nickname() + "'");
        try {
            expectRefused(me(token), 401);
        } finally {
            sql("UPDATE members SET status = 'ACTIVE' WHERE nickname = '" + jun.nickname() + "'");
        }
        assertThat(me(token).status()).isEqualTo(200);
    }

    @Test
    void aReadTokenMayOnlyReadAndAWriteTokenNeedsNoCsrfHeader() throws Exception {
        Person sora = person("sora");
        String reader = sora.token("reader", "read");
        Page me = me(reader);
        assertThat(Uploads.json(me.body()).getString("scope")).isEqualTo("read");
        Page refused = api("DELETE", "/api/v1/tokens/current", "Bearer " + reader);
        expectRefused(refused, 403);
        assertThat(Uploads.json(refused.body()).getString("error")).isEqualTo("This token may only read.");
        expectRefused(api("POST", "/api/v1/projects", "Bearer " + reader), 403);
        assertThat(me(reader).status()).as("the read token still works").isEqualTo(200);

        // A write token carries its own credentials: no CSRF header is needed, and it revokes itself.
        String writer = sora.token("writer", "write");
        Page loggedOut = api("DELETE", "/api/v1/tokens/current", "Bearer " + writer);
        assertThat(loggedOut.status()).as(loggedOut.body()).isEqualTo(204);
        expectRefused(me(writer), 401);
        assertThat(sora.row(sora.tokensPage(), "writer")).isNull();
        assertThat(sora.row(sora.tokensPage(), "reader")).isNotNull();

        // A request authenticated by the session cookie still needs the CSRF header.
        Page byCookie = sora.browser().send(HttpRequest.newBuilder(sora.browser().base().resolve("/api/v1/tokens/current"))
                .DELETE());
        expectRefused(byCookie, 403);
        assertThat(Uploads.json(byCookie.body()).getString("error")).isNotEqualTo("This token may only read.");
        Page withCsrf = sora.browser().send(HttpRequest.newBuilder(sora.browser().base().resolve("/api/v1/tokens/current"))
                .header("X-CSRF-Token", sora.browser().cookie("soundhub_csrf").orElseThrow())
                .DELETE());
        expectRefused(withCsrf, 400);
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() throws Exception {
        Person lee = person("lee");
        String token = lee.token("script", "read");
        assertThat(lastUsed("script")).isNull();
        assertThat(me(token).status()).isEqualTo(200);
        Timestamp first = lastUsed("script");
        assertThat(first).isNotNull();
        assertThat(me(token).status()).isEqualTo(200);
        assertThat(lastUsed("script")).as("no second write within the minute").isEqualTo(first);

        sql("UPDATE access_tokens SET last_used_at = now() - interval '2 minutes' WHERE name = 'script'");
        Timestamp old = lastUsed("script");
        assertThat(me(token).status()).isEqualTo(200);
        assertThat(lastUsed("script")).isAfter(old);
        assertThat(lee.row(lee.tokensPage(), "script").selectFirst(".token-last-used").text()).isEqualTo("just now");
    }

    @Test
    void theFormShowsItsErrorsWithWhatWasTyped() {
        Person kai = person("kai");
        Page blank = kai.create("   ", "write");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.text("#name-help")).contains("Give the token a name");
        assertThat(blank.document().selectFirst("#scope-write").hasAttr("checked")).as("the chosen scope is kept").isTrue();

        String tooLong = "my very own laptop with a name much longer than sixty characters in all";
        Page longName = kai.create(tooLong, "read");
        assertThat(longName.status()).isEqualTo(422);
        assertThat(longName.text("#name-help")).contains("at most 60 characters");
        assertThat(longName.document().selectFirst("input#name").val()).isEqualTo(tooLong.substring(0, 60));
        assertThat(longName.document().selectFirst("input#new-token")).isNull();

        Page badScope = kai.create("laptop", "admin");
        assertThat(badScope.status()).isEqualTo(422);
        assertThat(badScope.document().selectFirst("input#name").val()).isEqualTo("laptop");
        assertThat(kai.tokensPage().document().select("tr.token-item")).isEmpty();
    }

    @Test
    void aMemberHasAtMostTwentyTokensAndCannotRevokeAnothersToken() throws Exception {
        Person ara = person("ara");
        String token = ara.token("first", "read");
        for (int i = 2; i <= TokenRules.MAX_LIVE_PER_MEMBER; i++) {
            assertThat(ara.create("token " + i, "read").status()).isEqualTo(200);
        }
        Page tooMany = ara.create("one more", "read");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.text(".form-errors")).contains("the most a member may have");
        assertThat(tooMany.document().selectFirst("input#name").val()).isEqualTo("one more");

        Person bo = person("bo");
        String id = ara.row(ara.tokensPage(), "first").attr("data-token-id");
        Page forged = bo.browser().post(TOKENS + "/" + id + "/revoke", Map.of("_csrf", bo.tokensPage().csrfToken()));
        assertThat(forged.status()).isEqualTo(404);
        assertThat(me(token).status()).as("the token still works").isEqualTo(200);
        Page withoutCsrf = ara.browser().post(TOKENS + "/" + id + "/revoke", Map.of());
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(me(token).status()).isEqualTo(200);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement update = db.prepareStatement(statement)) {
            update.executeUpdate();
        }
    }

    private static Timestamp lastUsed(String name) throws SQLException {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement("SELECT last_used_at FROM access_tokens WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getTimestamp(1);
            }
        }
    }

    private static List<String> storedHashes(Person member) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement("SELECT encode(t.token_hash, 'hex') FROM access_tokens t "
                     + "JOIN members m ON m.id = t.member_id WHERE m.nickname = ?")) {
            query.setString(1, member.nickname());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hashes.add(rows.getString(1));
                }
            }
        }
        return hashes;
    }
}
