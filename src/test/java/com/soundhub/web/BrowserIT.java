package com.soundhub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.json.JsonObject;

import com.soundhub.testing.AudioFiles;
import com.soundhub.testing.Browsers;
import com.soundhub.testing.Catalogue;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Mailbox;
import com.soundhub.testing.Members;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.Uploads;
import com.soundhub.testing.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SoundHub in a real browser (headless Chromium): a newcomer signs up, signs out and in again; a
 * member uploads a recording through the upload page and plays it; a producer pushes a folder
 * through the push page, hashed in the browser; a track plays on while the
 * listener browses; the main pages fit a desktop and a phone and pass axe-core's accessibility
 * checks. Each page must work under its Content-Security-Policy.
 */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class BrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    ChromeDriver browser;
    WebDriverWait wait;
    URI base;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browsers.chromium();
        browser.manage().window().setSize(DESKTOP);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // Generous: a wait ends as soon as its condition holds, and a loaded machine is slow to render.
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        base = Deployments.base(deployed);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewcomerSignsUpSignsOutAndSignsInThroughThePages() {
        String nickname = Members.uniqueNickname("browser");
        browser.get(base.toString());
        browser.findElement(By.linkText("Sign up")).click();
        wait.until(ExpectedConditions.titleContains("Sign up"));

        type("email", Members.emailOf(nickname).replace("@", " at "));
        type("nickname", nickname);
        type("password", Members.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")).click();

        WebElement emailHelp = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-help")));
        assertThat(emailHelp.getText()).contains("name@example.com");
        assertThat(browser.findElement(By.id("nickname")).getAttribute("value")).isEqualTo(nickname);

        type("email", Members.emailOf(nickname));
        type("password", Members.PASSWORD);
        browser.findElement(By.id("password")).submit();

        WebElement welcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash-success")));
        assertThat(welcome.getText()).contains("Welcome to SoundHub, " + nickname);
        assertThat(browser.findElement(By.cssSelector(".site-nav")).getText()).contains(nickname);

        browser.findElement(By.cssSelector("form[action='/signout'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash-info"), "signed out"));

        browser.findElement(By.linkText("Sign in")).click();
        wait.until(ExpectedConditions.titleContains("Sign in"));
        type("email", Members.emailOf(nickname));
        type("password", Members.PASSWORD);
        browser.findElement(By.id("password")).submit();

        WebElement back = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash-success")));
        assertThat(back.getText()).contains("Welcome back, " + nickname);

        assertNoPolicyViolations();
    }

    @Test
    void aMemberWhoForgotTheirPasswordChoosesANewOneThroughTheMailedLinkAndSignsIn() {
        String nickname = Members.uniqueNickname("forgetful");
        signUpThroughThePages(nickname);
        browser.manage().deleteAllCookies();
        browser.get(base.resolve("/signin").toString());
        browser.findElement(By.cssSelector("a[data-forgot-link]")).click();
        wait.until(ExpectedConditions.titleContains("Forgot your password"));
        type("email", Members.emailOf(nickname));
        browser.findElement(By.id("email")).submit();
        WebElement sent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash-info")));
        assertThat(sent.getText()).contains("If an account has that address");

        String token = Mailbox.resetToken(Mailbox.to(Members.emailOf(nickname), Mailbox.RESET, 1).get(0));
        browser.get(base.resolve("/password/reset?token=" + token).toString());
        wait.until(ExpectedConditions.titleContains("Choose a new password"));
        String newPassword = "a fresh start for " + nickname;
        type("password", newPassword);
        browser.findElement(By.id("password")).submit();
        WebElement changed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash-success")));
        assertThat(changed.getText()).contains("Your password is changed");

        type("email", Members.emailOf(nickname));
        type("password", newPassword);
        browser.findElement(By.id("password")).submit();
        WebElement back = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash-success")));
        assertThat(back.getText()).contains("Welcome back, " + nickname);
        assertNoPolicyViolations();
    }

    @Test
    void aMemberUploadsThroughThePageWatchesItProcessAndPlaysIt(@TempDir Path audio) throws Exception {
        Path tune = AudioFiles.tune(audio.resolve("Sunrise sketch.mp3"), 15);
        signUpThroughThePages(Members.uniqueNickname("player"));

        browser.get(base.resolve("/uploads/new").toString());
        wait.until(ExpectedConditions.titleContains("Upload a recording"));
        browser.findElement(By.id("file")).sendKeys(tune.toAbsolutePath().toString());
        // The empty title is taken from the file (its tags, else its name).
        wait.until(driver -> "Sunrise sketch".equals(browser.findElement(By.id("title")).getAttribute("value")));
        type("bpm", "fast");
        browser.findElement(By.cssSelector("form[data-upload-form] button[type=submit]")).click();
        WebElement bpmHelp = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bpm-help")));
        assertThat(bpmHelp.getText()).as("a wrong tempo is reported next to the field").contains("whole number");

        type("bpm", "");
        type("tags", "morning, sketch");
        new Select(browser.findElement(By.id("license"))).selectByValue("CC_BY");
        browser.findElement(By.cssSelector("form[data-upload-form] button[type=submit]")).click();

        WebDriverWait processing = new WebDriverWait(browser, Duration.ofMinutes(2));
        processing.until(ExpectedConditions.urlContains("/uploads/"));
        WebElement listen = processing.until(ExpectedConditions.elementToBeClickable(By.linkText("Listen to it")));
        assertThat(browser.findElement(By.cssSelector("[data-state-badge]")).getText()).isEqualTo("Ready");
        listen.click();

        // The recording's page comes in place of the upload's (whose title names it too).
        WebElement waveform = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-waveform]")));
        assertThat(browser.getTitle()).startsWith("Sunrise sketch by");
        assertThat(waveform.getAttribute("width")).isNotEqualTo("0");
        browser.findElement(By.cssSelector("[data-play]")).click();
        processing.until(driver -> ((Number) browser.executeScript(
                "return document.querySelector('[data-audio]').currentTime")).doubleValue() > 1.0);
        waveform.click();
        assertThat(browser.findElement(By.cssSelector("[data-player-error]")).isDisplayed()).isFalse();
        assertNoPolicyViolations();
    }

    @Test
    void theSearchPageFitsADesktopAndAPhone() {
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            browser.manage().window().setSize(size);
            browser.get(base.resolve("/search?q=jazz").toString());
            Rectangle box = browser.findElement(By.id("search-q")).getRect();
            Rectangle button = browser.findElement(By.cssSelector("main form[action='/search'] button[type=submit]")).getRect();
            String at = " at " + size.getWidth() + " px";
            assertThat(box.getWidth()).as("the search box is wide enough to read the query" + at)
                    .isGreaterThan(size == DESKTOP ? 600 : 200);
            assertThat(Math.abs(button.getY() - box.getY())).as("the button beside the box" + at).isLessThanOrEqualTo(2);
            assertThat(button.getHeight()).as("the button as tall as the box" + at).isLessThanOrEqualTo(box.getHeight() + 2);
            List<Integer> filterRows = browser.findElements(By.cssSelector(".search-filters select")).stream()
                    .map(select -> select.getRect().getY()).distinct().toList();
            assertThat(filterRows).as("filters under the box, in rows" + at)
                    .hasSize(size == DESKTOP ? 1 : 2)
                    .allSatisfy(row -> assertThat(row).isGreaterThan(box.getY() + box.getHeight()));
            assertFitsTheWindow(at);
        }
    }

    @Test
    void onAPhoneTheHeaderFoldsIntoAMenuThatWorksWithTheKeyboard() {
        browser.manage().window().setSize(PHONE);
        browser.get(base.toString());
        WebElement header = browser.findElement(By.cssSelector(".site-header"));
        assertThat(header.getRect().getHeight()).as("the header is one line").isLessThan(90);
        WebElement toggle = browser.findElement(By.cssSelector("[data-menu-toggle]"));
        WebElement nav = browser.findElement(By.id("site-nav"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(nav.isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".site-footer small")).getRect().getX())
                .as("the footer keeps off the edge").isGreaterThanOrEqualTo(12);
        assertFitsTheWindow("on a phone");

        toggle.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-search-q")));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findElement(By.id("nav-search-q")).getRect().getWidth())
                .as("the search field takes the menu's width").isGreaterThan(300);
        assertThat(browser.findElement(By.linkText("Sign in")).isDisplayed()).isTrue();
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("Tab goes into the menu").isEqualTo("nav-search-q");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("nav-search-q")));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.switchTo().activeElement()).as("focus back on the menu button").isEqualTo(toggle);

        // A member's header arrives with the page's viewer part, and folds the same way.
        String nickname = Members.uniqueNickname("phone");
        signUpThroughThePages(nickname);
        String recording = "/recordings/" + Catalogue.recording(nickname, "Pocket song", Instant.now().minusSeconds(30));
        browser.get(base.resolve(recording).toString());
        wait.until(driver -> textContent("#site-nav").contains(nickname));
        WebElement memberToggle = browser.findElement(By.cssSelector("[data-menu-toggle]"));
        By ownLink = By.cssSelector("#site-nav a[href='/members/" + nickname + "']");
        assertThat(browser.findElement(ownLink).isDisplayed()).isFalse();
        memberToggle.sendKeys(Keys.SPACE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(ownLink));
        assertThat(browser.findElement(By.cssSelector("form[action='/signout'] button")).isDisplayed()).isTrue();
        browser.findElement(By.linkText("Generate")).click();
        wait.until(ExpectedConditions.titleContains("Generate"));
        assertThat(browser.findElement(By.id("site-nav")).isDisplayed()).as("a new page starts with the menu closed").isFalse();
        assertNoPolicyViolations();
    }

    @Test
    void theMainPagesHaveNoSeriousAccessibilityProblemsForVisitorsAndMembers() {
        WebClient artist = new WebClient(base);
        String artistName = Members.signUp(artist, "jazz");
        String publicId = Catalogue.recording(artistName, "Jazz at dawn", "late night", "jazz", "CC_BY",
                Instant.now().minusSeconds(60));
        Catalogue.tag(publicId, "jazz");
        Catalogue.update("UPDATE recordings SET origin = 'GENERATED' WHERE public_id = ?", publicId);
        Catalogue.update("INSERT INTO recording_instruments (recording_id, instrument_id) SELECT r.id, i.id "
                + "FROM recordings r, instruments i WHERE r.public_id = ? AND i.slug = 'vocals'", publicId);
        String recording = "/recordings/" + publicId;
        artist.submit(artist.get(recording), "form[action=" + recording + "/comments]",
                Map.of("body", "Listen from here", "at", "0:12"));
        List<String> visitorsPages = List.of("/", recording, "/members/" + artistName, "/search?q=jazz",
                "/search?q=jazz&tag=jazz", "/signin");

        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            browser.manage().window().setSize(size);
            for (String page : visitorsPages) {
                problems.addAll(checkPage(page, null, size));
            }
        }

        String nickname = Members.uniqueNickname("ally");
        browser.manage().window().setSize(DESKTOP);
        signUpThroughThePages(nickname);
        artist.submit(artist.get("/messages/" + nickname), "form.message-form", Map.of("body", "Welcome to SoundHub!"));
        List<String> membersPages = List.of("/", recording, "/members/" + artistName, "/search?q=jazz&tag=jazz",
                "/uploads/new", "/generate", "/messages");
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            browser.manage().window().setSize(size);
            for (String page : membersPages) {
                problems.addAll(checkPage(page, nickname, size));
            }
        }
        // A liked recording shows its button filled in.
        browser.manage().window().setSize(DESKTOP);
        browser.get(base.resolve(recording).toString());
        // The member's part of the page may replace the button while it is found: try again with the new one.
        WebDriverWait patient = new WebDriverWait(browser, Duration.ofSeconds(15));
        patient.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class);
        patient.until(driver -> {
            driver.findElement(By.cssSelector("form[action$='/like'] .like-button")).click();
            return true;
        });
        patient.until(ExpectedConditions.attributeToBe(By.cssSelector(".like-button"), "aria-pressed", "true"));
        problems.addAll(accessibilityProblems(recording + " (liked)"));

        assertThat(problems).as("serious or critical findings of axe-core").isEmpty();
        assertNoPolicyViolations();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEmbeddedPlayerFindsItsIcons() {
        WebClient artist = new WebClient(base);
        String artistName = Members.signUp(artist, "embed");
        String publicId = Catalogue.recording(artistName, "Framed", Instant.now().minusSeconds(60));
        browser.get(base.resolve("/embed/" + publicId).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-player]")));
        // The icons the page names, and /favicon.ico, which browsers ask for whatever a page names.
        List<Object> answers = (List<Object>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var icons = ['/favicon.ico'].concat(Array.from(document.querySelectorAll('link[rel=icon]'), function (link) { return link.href; }));
                Promise.all(icons.map(function (icon) {
                    return fetch(icon).then(function (response) { return icon + ' ' + response.status + ' ' + response.headers.get('Content-Type'); });
                })).then(done);
                """);
        assertThat(answers).hasSizeGreaterThan(1).allSatisfy(answer -> assertThat((String) answer).contains(" 200 image/"));
    }

    @Test
    void aGeneratedPieceShowsWhatItsColoursMeanAndWhereThePlayerIs() {
        signUpThroughThePages(Members.uniqueNickname("roll"));
        browser.get(base.resolve("/generate").toString());
        type("tempo", "120");
        type("length", "30");
        browser.findElement(By.cssSelector("form[action='/generate'] button[type=submit]")).click();
        WebDriverWait composing = new WebDriverWait(browser, Duration.ofMinutes(2));
        WebElement play = composing.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-play]")));

        List<String> legend = browser.findElements(By.cssSelector(".roll-legend li")).stream().map(WebElement::getText).toList();
        assertThat(legend).anySatisfy(item -> assertThat(item).startsWith("Melody"))
                .anySatisfy(item -> assertThat(item).startsWith("Harmony"))
                .anySatisfy(item -> assertThat(item).startsWith("Bass"))
                .anySatisfy(item -> assertThat(item).startsWith("Drums"))
                .anySatisfy(item -> assertThat(item).contains("player"));
        assertThat(browser.findElement(By.cssSelector(".swatch-melody")).getCssValue("background-color"))
                .isEqualTo("rgba(232, 89, 12, 1)");
        WebElement playhead = browser.findElement(By.cssSelector("[data-playhead]"));
        assertThat(playhead.isDisplayed()).isTrue();
        assertThat(playheadPercent()).isZero();

        play.click();
        composing.until(driver -> currentTime() > 2);
        double seconds = Double.parseDouble(browser.findElement(By.cssSelector("[data-piano-roll]")).getAttribute("data-seconds"));
        double before = playheadPercent();
        assertThat(before).as("the playhead is where the player is")
                .isCloseTo(currentTime() / seconds * 100, org.assertj.core.data.Offset.offset(3.0));
        composing.until(driver -> playheadPercent() > before + 1);

        // A click on the roll plays from there.
        WebElement roll = browser.findElement(By.cssSelector("[data-piano-roll] img"));
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(roll, roll.getRect().getWidth() / 4, 0).click().perform();
        composing.until(driver -> Math.abs(currentTime() - 0.75 * seconds) < 3);
        assertNoPolicyViolations();
    }

    @Test
    void aTrackPlaysOnWhileTheListenerBrowsesAndGoesBackAndForth(@TempDir Path audio) throws Exception {
        WebClient artist = new WebClient(base);
        String artistName = Members.signUp(artist, "walker");
        JsonObject slot = Uploads.upload(artist, AudioFiles.tune(audio.resolve("Long walk.mp3"), 120),
                Uploads.details("Long walk"));
        JsonObject done = Uploads.awaitFinished(artist, slot.getString("id"), Duration.ofMinutes(2));
        assertThat(done.getString("state")).isEqualTo("READY");

        browser.get(base.resolve(done.getString("recording")).toString());
        // A full page load would forget this.
        browser.executeScript("window.soundhubVisit = 'one visit'");
        browser.findElement(By.cssSelector("[data-play]")).click();
        WebDriverWait playing = new WebDriverWait(browser, Duration.ofSeconds(30));
        playing.until(driver -> currentTime() > 1);
        WebElement bar = browser.findElement(By.id("player-bar"));
        assertThat(bar.isDisplayed()).isTrue();
        assertThat(bar.findElement(By.cssSelector("[data-bar-title]")).getText()).isEqualTo("Long walk");

        // Two other pages, through their links.
        String profile = artistName + " — SoundHub";
        browser.findElement(By.cssSelector(".artist a")).click();
        wait.until(ExpectedConditions.titleIs(profile));
        assertPlaysOn("the artist's profile");
        browser.findElement(By.cssSelector("a.brand")).click();
        wait.until(ExpectedConditions.titleContains("share and make music together"));
        assertPlaysOn("the front page");

        // Back and forward.
        browser.navigate().back();
        wait.until(ExpectedConditions.titleIs(profile));
        assertPlaysOn("back on the profile");
        browser.navigate().back();
        wait.until(ExpectedConditions.titleContains("Long walk"));
        assertPlaysOn("back on the recording");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-play]"), "aria-label", "Pause"));
        browser.navigate().forward();
        wait.until(ExpectedConditions.titleIs(profile));
        assertPlaysOn("forward to the profile");
        assertNoPolicyViolations();
    }

    private void assertPlaysOn(String where) {
        assertThat(browser.executeScript("return window.soundhubVisit")).as("no full page load: " + where).isEqualTo("one visit");
        double now = currentTime();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> currentTime() > now + 0.5);
        WebElement bar = browser.findElement(By.id("player-bar"));
        assertThat(bar.isDisplayed()).as("the player bar on " + where).isTrue();
        assertThat(bar.findElement(By.cssSelector("[data-bar-title]")).getText()).as(where).isEqualTo("Long walk");
        assertThat(browser.findElement(By.cssSelector("[data-bar-play]")).getAttribute("aria-label")).as(where).isEqualTo("Pause");
    }

    private double currentTime() {
        return ((Number) browser.executeScript("return document.querySelector('[data-audio]').currentTime")).doubleValue();
    }

    private double playheadPercent() {
        return ((Number) browser.executeScript(
                "return parseFloat(document.querySelector('[data-playhead]').style.left) || 0")).doubleValue();
    }

    private String textContent(String selector) {
        Object text = browser.executeScript("var e = document.querySelector(arguments[0]); return e ? e.textContent : ''", selector);
        return String.valueOf(text);
    }

    private void assertFitsTheWindow(String where) {
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling " + where).isLessThanOrEqualTo(0);
    }

    /** Opens the page as the member (or a visitor) sees it, menu open on a phone, and lists what is wrong with it. */
    private List<String> checkPage(String path, String nickname, Dimension size) {
        browser.get(base.resolve(path).toString());
        if (nickname != null) {
            wait.until(driver -> textContent("#site-nav").contains(nickname));
        }
        for (WebElement toggle : browser.findElements(By.cssSelector("[data-menu-toggle]"))) {
            if (toggle.isDisplayed()) {
                toggle.click();
            }
        }
        String where = path + " at " + size.getWidth() + " px" + (nickname == null ? " for a visitor" : " for a member");
        List<String> problems = new ArrayList<>();
        Number mains = (Number) browser.executeScript("return document.querySelectorAll('main').length");
        if (mains.intValue() != 1) {
            problems.add(where + ": " + mains + " main elements");
        }
        Object emoji = browser.executeScript(
                "return (document.body.innerText.match(/[\\u25A0-\\u27BF]|[\\uD83C-\\uD83E][\\uDC00-\\uDFFF]/g) || []).join(' ')");
        if (!String.valueOf(emoji).isEmpty()) {
            problems.add(where + ": symbols that need an emoji font: " + emoji);
        }
        problems.addAll(accessibilityProblems(where));
        return problems;
    }

    /** axe-core's serious and critical findings on the current page. */
    @SuppressWarnings("unchecked")
    private List<String> accessibilityProblems(String where) {
        if (!"object".equals(browser.executeScript("return typeof window.axe"))) {
            browser.executeScript(AXE);
        }
        List<Object> findings = (List<Object>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (results) {
                    done(results.violations
                        .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                        .map(function (v) {
                            return v.id + ' (' + v.impact + '): ' + v.help + ' - ' + v.nodes.slice(0, 5)
                                .map(function (n) { return n.target.join(' ') + ' ' + (n.failureSummary || ''); }).join(' | ');
                        }));
                }).catch(function (e) { done(['axe could not run: ' + e]); });
                """);
        return findings.stream().map(finding -> where + ": " + finding).toList();
    }

    /** axe-core, from its WebJar; the pages' policy forbids scripts that are not theirs, so it goes in through the driver. */
    static final String AXE = axeCore();

    private static String axeCore() {
        String base = "/META-INF/maven/org.webjars.npm/axe-core/pom.properties";
        try (InputStream pom = BrowserIT.class.getResourceAsStream(base)) {
            Properties properties = new Properties();
            properties.load(pom);
            String script = "/META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
            try (InputStream in = BrowserIT.class.getResourceAsStream(script)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRejectedCommentIsCorrectedInPlaceOnTheRecordingsAddress() {
        String owner = Members.signUp(new com.soundhub.testing.WebClient(base), "artist");
        String publicId = com.soundhub.testing.Catalogue.recording(owner, "Commented in place", java.time.Instant.now());
        signUpThroughThePages(Members.uniqueNickname("listener"));
        String page = base.resolve("/recordings/" + publicId).toString();
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body")));
        // The form's token comes with the viewer's part of the page.
        wait.until(driver -> !browser.findElement(By.cssSelector("#comment-form input[name=_csrf]")).getAttribute("value").isEmpty());

        type("body", "The bridge!");
        type("at", "9:99");
        browser.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
        WebElement atHelp = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("at-help")));
        assertThat(atHelp.getText()).contains("past the end");
        assertThat(browser.getCurrentUrl()).as("the address stays the recording's").isEqualTo(page);
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).isEqualTo("The bridge!");

        type("at", "0:30");
        browser.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".comment-body"), "The bridge!"));
        assertThat(browser.getCurrentUrl()).startsWith(page + "#comment-");
        assertNoPolicyViolations();
    }

    @Test
    void aProducerPushesAFolderThroughThePageAndTheSecondPushSendsOnlyTheChangedFile(@TempDir Path folder) throws Exception {
        signUpThroughThePages(Members.uniqueNickname("producer"));
        String project = createProjectThroughThePage("Browser stems", "PRIVATE");

        Path stems = Files.createDirectories(folder.resolve("Night Drive/stems"));
        // Contents are shared by the whole site: these are this test's own, so none is stored already.
        long run = System.nanoTime();
        byte[] drums = new byte[300_000];
        new java.util.Random(run).nextBytes(drums);
        Files.write(stems.resolve("drums.wav"), drums);
        String notes = "tempo 96, take " + run + "\n";
        String newNotes = "tempo 98, take " + run + "\n";
        Files.writeString(folder.resolve("Night Drive/notes.txt"), notes);
        pushThroughThePage(project, folder.resolve("Night Drive"), "First stems");
        wait.until(ExpectedConditions.urlContains("/projects/" + project + "/revisions/1"));

        Files.writeString(folder.resolve("Night Drive/notes.txt"), newNotes);
        pushThroughThePage(project, folder.resolve("Night Drive"), "Faster");
        wait.until(ExpectedConditions.urlContains("/projects/" + project + "/revisions/2"));
        assertThat(uploadsOfRevision(project, 2)).as("contents the second push sent").containsExactly((long) newNotes.length());
        assertThat(uploadsOfRevision(project, 1)).containsExactlyInAnyOrder(300_000L, (long) notes.length());

        // The changes zip, fetched as the revision page's link does, holds only the notes and the list of changes.
        String href = browser.findElement(By.cssSelector("a[data-changes-zip]")).getAttribute("href");
        String base64 = (String) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(buffer => {
                  var bytes = new Uint8Array(buffer), text = '';
                  for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
                  done(btoa(text));
                });""", href);
        Map<String, byte[]> entries = com.soundhub.testing.Projects.entries(java.util.Base64.getDecoder().decode(base64));
        assertThat(entries.keySet()).containsExactly(".soundhub-changes.json", "notes.txt");
        assertThat(new String(entries.get("notes.txt"), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(newNotes);
        assertNoPolicyViolations();
    }

    @Test
    void aMemberProposesATakeThroughThePageAndTheProposalShowsIt(@TempDir Path folder) throws Exception {
        signUpThroughThePages(Members.uniqueNickname("author"));
        String project = createProjectThroughThePage("Open to takes", "PUBLIC");
        long run = System.nanoTime();
        Files.writeString(Files.createDirectories(folder.resolve("Song")).resolve("lyrics.txt"), "first verse " + run + "\n");
        pushThroughThePage(project, folder.resolve("Song"), "Lyrics");
        wait.until(ExpectedConditions.urlContains("/projects/" + project + "/revisions/1"));

        browser.manage().deleteAllCookies();
        signUpThroughThePages(Members.uniqueNickname("bassist"));
        byte[] bass = new byte[120_000];
        new java.util.Random(run + 1).nextBytes(bass);
        Path take = Files.write(folder.resolve("bass-take.wav"), bass);
        browser.get(base.resolve("/projects/" + project + "/proposals/new").toString());
        browser.findElement(By.id("push-files")).sendKeys(take.toString());
        wait.until(driver -> !driver.findElements(By.cssSelector("li.push-file")).isEmpty()
                && driver.findElements(By.cssSelector("li.push-file[data-state=hashing], li.push-file[data-state=waiting]")).isEmpty());
        type("push-message", "Low and slow");
        browser.findElement(By.cssSelector("#push-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/projects/" + project + "/proposals/1"));
        assertThat(browser.findElement(By.cssSelector("[data-proposal-state]")).getText()).isEqualTo("Open");
        assertThat(browser.findElement(By.cssSelector("[data-proposal-note]")).getText()).isEqualTo("Low and slow");
        assertThat(browser.findElement(By.cssSelector("[data-proposal-files] td.file-path")).getText()).isEqualTo("bass-take.wav");
        assertThat(browser.findElements(By.cssSelector("#mixer .mixer-track [data-take]"))).as("the take in the mixer below").hasSize(1);
        assertNoPolicyViolations();
    }

    @Test
    void theMixerPlaysTracksTogetherMutesOneFromTheKeyboardAndSavesTheMixAsARevision(@TempDir Path folder) throws Exception {
        String mixer = Members.uniqueNickname("mixer");
        signUpThroughThePages(mixer);
        String project = createProjectThroughThePage("Two tracks", "PUBLIC");
        Path stems = Files.createDirectories(folder.resolve("Session/stems"));
        AudioFiles.tune(stems.resolve("a-drums.wav"), 6.0, "Drums " + System.nanoTime());
        AudioFiles.tune(stems.resolve("b-bass.wav"), 6.0, "Bass " + System.nanoTime());
        pushThroughThePage(project, folder.resolve("Session"), "Two stems");
        wait.until(ExpectedConditions.urlContains("/projects/" + project + "/revisions/1"));

        // Once both are analysed, the mixer has a stream for each.
        Instant deadline = Instant.now().plusSeconds(90);
        do {
            browser.get(base.resolve("/projects/" + project + "/mixer").toString());
        } while (browser.findElements(By.cssSelector(".mixer-track[data-playlist]")).size() < 2 && Instant.now().isBefore(deadline)
                && sleep(1000));
        assertThat(browser.findElements(By.cssSelector(".mixer-track[data-playlist]"))).hasSize(2);

        browser.findElement(By.cssSelector("[data-mixer-play]")).click();
        wait.until(driver -> {
            Map<?, ?> state = mixerState();
            return Boolean.TRUE.equals(state.get("playing")) && ((Number) state.get("contextTime")).doubleValue() > 0.5
                    && ((Number) state.get("position")).doubleValue() > 0.5;
        });
        assertThat(browser.findElement(By.cssSelector("[data-mixer-play]")).getText()).isEqualTo("Pause");
        assertThat(((List<?>) mixerState().get("gains")).stream().map(gain -> ((Number) gain).doubleValue()).toList())
                .containsExactly(1.0, 1.0);

        // Key 1 mutes the first track: its gain in the graph goes to silence, the other stays.
        browser.findElement(By.tagName("body")).sendKeys("1");
        wait.until(driver -> ((Number) ((List<?>) mixerState().get("gains")).get(0)).doubleValue() == 0.0);
        assertThat(((Number) ((List<?>) mixerState().get("gains")).get(1)).doubleValue()).isEqualTo(1.0);
        assertThat(browser.findElement(By.cssSelector(".mixer-track[data-path='stems/a-drums.wav'] [data-mute]")).isSelected()).isTrue();
        browser.findElement(By.cssSelector("body")).sendKeys(" ");
        wait.until(driver -> Boolean.FALSE.equals(mixerState().get("playing")));

        type("mixer-message", "Drums out");
        browser.findElement(By.cssSelector("[data-mixer-save] button")).click();
        wait.until(ExpectedConditions.urlContains("/projects/" + project + "/revisions/2"));
        browser.get(base.resolve("/projects/" + project + "/mixer").toString());
        assertThat(browser.findElement(By.cssSelector(".mixer-track[data-path='stems/a-drums.wav'] [data-mute]")).isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".mixer-track[data-path='stems/b-bass.wav'] [data-mute]")).isSelected()).isFalse();

        // Bounced by the server with the saved settings, and played once it is ready for listening.
        browser.findElement(By.cssSelector("form[data-bounce-form] button")).click();
        wait.until(ExpectedConditions.urlContains("/projects/" + project + "/masters"));
        Instant ready = Instant.now().plusSeconds(90);
        while (browser.findElements(By.cssSelector("[data-masters] [data-player]")).isEmpty() && Instant.now().isBefore(ready) && sleep(1000)) {
            browser.navigate().refresh();
        }
        browser.findElement(By.cssSelector("[data-masters] [data-play]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> currentTime() > 0.5);

        // Published: the recording page credits the project's contributors and links back to the revision.
        WebElement title = browser.findElement(By.cssSelector("form[data-publish-form] input[name=title]"));
        title.clear();
        title.sendKeys("Two tracks, mixed");
        browser.findElement(By.cssSelector("form[data-publish-form] button")).click();
        wait.until(ExpectedConditions.urlContains("/recordings/"));
        assertThat(browser.findElement(By.cssSelector("[data-credits]")).getText()).isEqualTo("Credits: " + mixer);
        assertThat(browser.findElement(By.cssSelector("[data-made-in] a")).getAttribute("href")).endsWith("/projects/" + project + "/revisions/2");
        assertNoPolicyViolations();
    }

    @Test
    void anAdminWorksThroughTheModerationQueueFromTheKeyboard() throws Exception {
        // Reports left by earlier test classes in the shared database are not this queue's.
        try (java.sql.Connection db = TestInfrastructure.jdbc(); java.sql.Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE reports SET status = 'DISMISSED' WHERE status = 'OPEN'");
        }
        // Two reported recordings, reported over HTTP by members.
        WebClient owner = new WebClient(base);
        String ownerName = Members.signUp(owner, "reported");
        String first = Catalogue.recording(ownerName, "First reported", java.time.Instant.now().minusSeconds(120));
        String second = Catalogue.recording(ownerName, "Second reported", java.time.Instant.now().minusSeconds(60));
        WebClient reporter = new WebClient(base);
        Members.signUp(reporter, "reporter");
        for (String recording : List.of(first, second)) {
            reporter.submit(reporter.get("/reports/new?kind=RECORDING&ref=" + recording), "form[action=/reports]", Map.of("reason", "SPAM"));
        }
        String admin = Members.uniqueNickname("keyboard-admin");
        signUpThroughThePages(admin);
        try (java.sql.Connection db = TestInfrastructure.jdbc();
             java.sql.PreparedStatement promote = db.prepareStatement("UPDATE members SET role = 'ADMIN' WHERE nickname = ?")) {
            promote.setString(1, admin);
            promote.executeUpdate();
        }

        browser.get(base.resolve("/admin/reports").toString());
        // The queue opens with the longest-waiting item in focus; J moves on, K comes back.
        wait.until(driver -> first.equals(focusedQueueItem()));
        browser.switchTo().activeElement().sendKeys("j");
        wait.until(driver -> second.equals(focusedQueueItem()));
        browser.switchTo().activeElement().sendKeys("k");
        wait.until(driver -> first.equals(focusedQueueItem()));
        // D dismisses it; the page comes back with the next item in focus.
        browser.switchTo().activeElement().sendKeys("d");
        wait.until(driver -> second.equals(focusedQueueItem()));
        assertThat(browser.findElement(By.id("flash-messages")).getText()).contains("Dismissed");
        // W goes to the warning; Enter sends it; the queue is empty.
        browser.switchTo().activeElement().sendKeys("w");
        WebElement warning = browser.switchTo().activeElement();
        assertThat(warning.getAttribute("name")).isEqualTo("message");
        warning.sendKeys("Please stop posting the same track", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-queue-empty]")));
        assertThat(owner.get("/notifications").body()).contains("Please stop posting the same track");
        assertThat(reporter.get("/notifications").body()).contains("no action was needed").contains("its owner was warned");
        assertNoPolicyViolations();
    }

    private String focusedQueueItem() {
        Object ref = browser.executeScript("var item = document.activeElement && document.activeElement.closest('.queue-item');"
                + "return item ? item.getAttribute('data-ref') : null;");
        return ref == null ? null : ref.toString();
    }

    /** Starts a project on the new-project page; returns its id. */
    private String createProjectThroughThePage(String title, String visibility) {
        browser.get(base.resolve("/projects/new").toString());
        type("title", title);
        browser.findElement(By.id("visibility-" + visibility)).click();
        browser.findElement(By.id("title")).submit();
        wait.until(ExpectedConditions.urlMatches(".*/projects/[0-9A-Za-z]{11}$"));
        return browser.getCurrentUrl().replaceAll(".*/projects/", "");
    }

    private Map<?, ?> mixerState() {
        return (Map<?, ?>) browser.executeScript("return window.soundhub.mixer.state();");
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void pushThroughThePage(String project, Path folder, String message) {
        browser.get(base.resolve("/projects/" + project + "/push").toString());
        browser.findElement(By.id("push-folder")).sendKeys(folder.toString());
        wait.until(driver -> !driver.findElements(By.cssSelector("li.push-file")).isEmpty()
                && driver.findElements(By.cssSelector("li.push-file[data-state=hashing], li.push-file[data-state=waiting]")).isEmpty());
        type("push-message", message);
        browser.findElement(By.cssSelector("#push-form button[type=submit]")).click();
    }

    /** Sizes of the contents the push that became revision {@code number} sent to storage. */
    private static List<Long> uploadsOfRevision(String project, int number) throws Exception {
        try (var db = TestInfrastructure.jdbc();
             var query = db.prepareStatement("SELECT u.size FROM project_push_uploads u JOIN project_pushes p ON p.id = u.push_id "
                     + "JOIN projects pr ON pr.id = p.project_id WHERE pr.public_id = ? AND p.committed_as = ?")) {
            query.setString(1, project);
            query.setInt(2, number);
            List<Long> sizes = new java.util.ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    sizes.add(rows.getLong(1));
                }
            }
            return sizes;
        }
    }

    private void signUpThroughThePages(String nickname) {
        browser.get(base.resolve("/signup").toString());
        type("email", Members.emailOf(nickname));
        type("nickname", nickname);
        type("password", Members.PASSWORD);
        browser.findElement(By.id("password")).submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash-success")));
        Members.confirmEmail(nickname);
    }

    private void assertNoPolicyViolations() {
        List<String> policyViolations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to")
                        || message.contains("CORS"))
                .toList();
        assertThat(policyViolations).as("the pages work under their Content-Security-Policy").isEmpty();
    }

    private void type(String fieldId, String text) {
        WebElement field = browser.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(text);
    }
}
