package com.soundhub.web;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.soundhub.testing.AudioFiles;
import com.soundhub.testing.Browsers;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.TestInfrastructure;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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
 * member uploads a recording through the upload page and plays it. Each page must work under its
 * Content-Security-Policy.
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

    ChromeDriver browser;
    WebDriverWait wait;
    URI base;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browsers.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
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

        wait.until(ExpectedConditions.titleContains("Sunrise sketch"));
        WebElement waveform = browser.findElement(By.cssSelector("[data-waveform]"));
        assertThat(waveform.getAttribute("width")).isNotEqualTo("0");
        browser.findElement(By.cssSelector("[data-play]")).click();
        processing.until(driver -> ((Number) browser.executeScript(
                "return document.querySelector('[data-audio]').currentTime")).doubleValue() > 1.0);
        waveform.click();
        assertThat(browser.findElement(By.cssSelector("[data-player-error]")).isDisplayed()).isFalse();
        assertNoPolicyViolations();
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

    private void signUpThroughThePages(String nickname) {
        browser.get(base.resolve("/signup").toString());
        type("email", Members.emailOf(nickname));
        type("nickname", nickname);
        type("password", Members.PASSWORD);
        browser.findElement(By.id("password")).submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash-success")));
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
