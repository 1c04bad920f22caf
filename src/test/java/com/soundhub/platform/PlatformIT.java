package com.soundhub.platform;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import com.soundhub.accounts.SessionCookie;
import com.soundhub.devserver.PayaraProcess;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.ExtraInstance;
import com.soundhub.testing.Members;
import com.soundhub.testing.StartupLogs;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** What every page relies on: headers, error pages, health, metrics, static files, many instances. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

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
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[]{"/", "/signin", "/no/such/page", "/static/css/soundhub.css"}) {
            Page page = browser.get(path);
            assertThat(page.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(page.header("X-Request-Id")).as(path).matches("[0-9a-f]{16}");
            assertThat(page.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
        }
    }

    @Test
    void responsesSayNothingAboutTheServer() {
        for (String path : new String[]{"/", "/signin", "/no/such/page", "/static/css/soundhub.css", "/health/live"}) {
            Page page = browser.get(path);
            assertThat(page.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(page.headers().firstValue("X-Powered-By")).as(path).isEmpty();
            assertThat(page.body()).as(path).doesNotContain("Payara").doesNotContain("GlassFish");
        }
    }

    @Test
    void statusLinesCarryRealReasonPhrases() throws Exception {
        URI base = browser.base();
        assertThat(statusLine(base, "DELETE /signup HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .isEqualTo("HTTP/1.1 405 Method Not Allowed");
        String token = browser.get("/signup").csrfToken();
        String form = "_csrf=" + token + "&email=nobody&nickname=&password=x";
        assertThat(statusLine(base, "POST /signup HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Cookie: " + browser.cookieHeader() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form))
                .isEqualTo("HTTP/1.1 422 Unprocessable Content");
        assertThat(statusLine(base, "GET /no/such/page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .isEqualTo("HTTP/1.1 404 Not Found");
        // Refused by a filter and answered by the error page: the error page keeps the status.
        assertThat(statusLine(base, "POST /static/css/soundhub.css HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: 0\r\n\r\n")).isEqualTo("HTTP/1.1 405 Method Not Allowed");
    }

    /** The first line of the answer to a request written by hand: HTTP clients do not show reason phrases. */
    private static String statusLine(URI base, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.BufferedReader reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
            return reader.readLine();
        }
    }

    @Test
    void aFormTooLargeToReadGetsThe413PageInTheLayout() {
        String token = browser.get("/signin").csrfToken();
        Page tooLarge = browser.send(HttpRequest.newBuilder(browser.base().resolve("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&email=" + "x".repeat(3_000_000))));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("text/html");
        assertThat(tooLarge.text("h1")).isEqualTo("Too large");
        assertThat(tooLarge.text(".error-page")).contains("Reference: ");
        assertThat(tooLarge.body()).doesNotContain("Exception").doesNotContain("Post too large");
        // The site goes on answering on the same connection.
        assertThat(browser.get("/signin").status()).isEqualTo(200);
    }

    @Test
    void cookiesAreHttpOnlyAndSameSite() {
        Page page = browser.get("/signin");
        assertThat(String.join("\n", page.headers().allValues("Set-Cookie")))
                .contains("soundhub_csrf=").contains("HttpOnly").contains("SameSite=Lax");

        String nickname = Members.signUp(browser.stranger(), "cookie");
        Page signedIn = browser.submit(page, "form[action=/signin]",
                Map.of("email", Members.emailOf(nickname), "password", Members.PASSWORD, "remember", "on"));
        String sessionCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/")
                .contains("Max-Age=2592000");
    }

    @Test
    void aMissingPageIsAFriendly404WithoutInternals() {
        Page missing = browser.get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.text("h1")).isEqualTo("Page not found");
        assertThat(missing.text(".error-page")).contains("Reference: " + missing.header("X-Request-Id"));
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("Jersey");

        Page missingStatic = browser.get("/static/nothing-here.css");
        assertThat(missingStatic.status()).isEqualTo(404);
        assertThat(missingStatic.text("h1")).isEqualTo("Page not found");
    }

    @Test
    void aWrongMethodAndAMalformedRequestGetPagesToo() {
        Page wrongMethod = browser.send(HttpRequest.newBuilder(browser.base().resolve("/signup"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("h1")).isEqualTo("Not possible here");

        Page malformed = browser.send(HttpRequest.newBuilder(browser.base().resolve("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", browser.get("/signin").csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("email=%%%zz&password=%")));
        assertThat(malformed.status()).isBetween(400, 499);
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void healthEndpointsReportLivenessAndReadiness() {
        Page live = browser.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(json(live).getString("status")).isEqualTo("UP");

        Page ready = browser.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        JsonObject readiness = json(ready);
        assertThat(readiness.getString("status")).isEqualTo("UP");
        assertThat(readiness.getJsonArray("checks").toString()).contains("\"database\"").contains("\"object-storage\"");
    }

    @Test
    void metricsAreExposedInPrometheusFormat() {
        Page metrics = browser.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body()).contains("# TYPE").contains("jvm_uptime");
    }

    @Test
    void staticFilesAndWebJarsAreServedWithLongCaching() {
        Page css = browser.get("/static/css/soundhub.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Cache-Control")).contains("max-age=31536000");
        assertThat(css.body()).contains("SoundHub");

        String picoPath = browser.get("/").document().selectFirst("link[href*=pico]").attr("href");
        Page pico = browser.get(picoPath);
        assertThat(pico.status()).isEqualTo(200);
        assertThat(pico.header("Content-Type")).startsWith("text/css");
    }

    @Test
    void theApiAnswersErrorsInJson() {
        Page missing = browser.get("/api/no-such-endpoint");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/json");
        assertThat(json(missing).getInt("status")).isEqualTo(404);
    }

    @Test
    void aSecondInstanceKnowsTheSignedInMemberAndAcceptsTheFormsOfTheFirst() throws Exception {
        String nickname = Members.signUp(browser, "roaming");
        String csrfFromFirst = browser.get("/settings/profile").csrfToken();

        try (PayaraProcess second = ExtraInstance.start("second-instance", env -> { })) {
            second.awaitReady(Duration.ofMinutes(4));
            // Started as ./mvnw -Prun starts it, polled for readiness meanwhile: a normal start logs no stack trace.
            assertThat(StartupLogs.noise(java.nio.file.Files.readString(ExtraInstance.logOf("second-instance"))))
                    .as("stack traces and certificate dumps in the start-up log").isEmpty();
            WebClient sameBrowserOnSecond = browser.sameBrowserAt(second.baseUri());

            Page settings = sameBrowserOnSecond.get("/settings/profile");
            assertThat(settings.status()).as("signed in on the second instance").isEqualTo(200);
            assertThat(settings.text(".site-nav")).contains(nickname);

            Page saved = sameBrowserOnSecond.post("/settings/profile",
                    Map.of("_csrf", csrfFromFirst, "nickname", nickname, "bio", "saved via the second instance"));
            assertThat(saved.status()).as("a form rendered by the first instance is accepted").isEqualTo(303);
            Page profileOnFirst = browser.get(saved.location());
            assertThat(profileOnFirst.text(".flash-success"))
                    .as("the flash message set by the second is shown by the first").contains("profile is saved");
            assertThat(profileOnFirst.text(".bio")).isEqualTo("saved via the second instance");
        }
        assertThat(browser.cookie(SessionCookie.NAME)).isPresent();
    }

    @Test
    void anInstanceWithoutARequiredSettingRefusesToStartAndNamesIt() throws Exception {
        try (PayaraProcess misconfigured = ExtraInstance.start("misconfigured",
                env -> env.remove("SOUNDHUB_S3_BUCKET"))) {
            String log = ExtraInstance.awaitBootLog("misconfigured", Duration.ofMinutes(4));
            assertThat(log).contains("soundhub.s3.bucket");
            WebClient client = new WebClient(misconfigured.baseUri());
            Page home = client.get("/");
            assertThat(home.status()).as("SoundHub is not served").isNotEqualTo(200);
            assertThat(client.get("/health/ready").body()).doesNotContain("\"database\"");
        }
    }

    private static JsonObject json(Page page) {
        try (var reader = Json.createReader(new java.io.StringReader(page.body()))) {
            return reader.readObject();
        }
    }
}
