package com.soundhub.accounts;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer in a real browser: signs up (after a typo), signs out and signs in again. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class SignUpBrowserIT {

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

        List<String> policyViolations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(policyViolations).as("the pages work under their Content-Security-Policy").isEmpty();
    }

    private void type(String fieldId, String text) {
        WebElement field = browser.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(text);
    }
}
