package com.soundhub.accounts;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

import com.soundhub.testing.Catalogue;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Sign in with Mock ID" against a real OpenID Connect server (mock-oauth2-server): the tests tell
 * it whom to vouch for, the site does the rest over HTTP as it would with any provider.
 */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class ProviderSignInIT {

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
    void aNewcomerSignsUpThroughTheProviderPicksANicknameAndComesBackTheSameWay() {
        String nickname = Members.uniqueNickname("oidc");
        String email = Members.emailOf(nickname);
        String subject = "subject-" + nickname;

        Page signIn = browser.get("/signin");
        assertThat(signIn.text("[data-providers]")).contains("Mock ID");
        Page toProvider = browser.get(signIn.document().selectFirst("a[data-provider=mock]").attr("href"));
        assertThat(toProvider.status()).isEqualTo(303);
        URI authorization = URI.create(toProvider.header("Location"));
        assertThat(authorization.getPort()).isEqualTo(TestInfrastructure.identityProvider().baseUrl().port());
        assertThat(authorization.getQuery()).contains("code_challenge_method=S256", "code_challenge=", "nonce=", "state=",
                "scope=openid+email+profile", "client_id=soundhub");

        Page answered = vouch(browser, toProvider.header("Location"), subject, email, true, "Ada Lovelace");
        assertThat(answered.status()).isEqualTo(303);
        assertThat(answered.location()).isEqualTo("/signin/provider/new");
        Page pick = browser.get("/signin/provider/new");
        assertThat(pick.text("[data-provider-email]")).isEqualTo(email);
        assertThat(pick.document().selectFirst("#nickname").val()).as("suggested from the name").isEqualTo("ada-lovelace");

        Page bad = browser.submit(pick, "form[data-provider-nickname-form]", Map.of("nickname", "x"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text("#nickname-help")).contains("3 to 30");
        assertThat(bad.document().selectFirst("#nickname").val()).as("kept").isEqualTo("x");
        Page created = browser.submit(pick, "form[data-provider-nickname-form]", Map.of("nickname", nickname));
        assertThat(created.status()).isEqualTo(303);
        assertThat(browser.get(created.location()).text(".flash-messages")).contains("Welcome to SoundHub, " + nickname);
        assertThat(browser.get("/settings/email").document().select("[data-unconfirmed]")).as("the provider verified it").isEmpty();
        Page methods = browser.get("/settings/sign-in");
        assertThat(methods.text("[data-linked]")).contains("Mock ID").contains(email);
        assertThat(methods.document().select("[data-no-password]")).hasSize(1);
        assertThat(methods.document().select("form[action$=/unlink]")).as("the only way in stays").isEmpty();
        assertThat(Members.signIn(browser.stranger(), email, Members.PASSWORD).status()).as("no password of their own").isEqualTo(422);

        WebClient later = browser.stranger();
        Page again = vouch(later, startAt(later), subject, "changed-" + email, true, "Ada");
        assertThat(again.status()).isEqualTo(303);
        assertThat(again.location()).isEqualTo("/");
        assertThat(later.get("/").text(".flash-messages")).contains("Welcome back, " + nickname);
        assertThat(Catalogue.number("SELECT count(*) FROM members WHERE lower(email) = lower(?)", email)).isEqualTo(1);
    }

    @Test
    void aVerifiedAddressOfAnExistingMemberIsLinkedOnlyWithThatMembersPassword() {
        String nickname = Members.signUp(browser.stranger(), "haspass");
        String email = Members.emailOf(nickname);
        Page answered = vouch(browser, startAt(browser), "subject-" + nickname, email, true, null);
        assertThat(answered.location()).isEqualTo("/signin/provider/confirm");
        Page confirm = browser.get("/signin/provider/confirm");
        assertThat(confirm.text("[data-provider-email]")).isEqualTo(email);
        Page wrong = browser.submit(confirm, "form[data-provider-confirm-form]", Map.of("password", "not the password at all"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text("#password-help")).contains("not the password");
        assertThat(browser.get("/settings/profile").status()).as("not signed in").isEqualTo(303);
        Page linked = browser.submit(confirm, "form[data-provider-confirm-form]", Map.of("password", Members.PASSWORD));
        assertThat(linked.status()).isEqualTo(303);
        assertThat(browser.get("/settings/sign-in").text("[data-linked]")).contains("Mock ID");

        WebClient later = browser.stranger();
        assertThat(vouch(later, startAt(later), "subject-" + nickname, email, true, null).location()).isEqualTo("/");
        assertThat(later.get("/settings/profile").status()).isEqualTo(200);
    }

    @Test
    void anUnverifiedAddressOfAnExistingMemberIsRefusedAndLinksNothing() {
        String nickname = Members.signUp(browser.stranger(), "victim");
        String email = Members.emailOf(nickname);
        Page refused = vouch(browser, startAt(browser), "attacker-" + nickname, email, false, null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text(".form-errors")).contains("has not verified " + email);
        Page sneak = browser.post("/signin/provider/confirm",
                Map.of("_csrf", browser.get("/signin").csrfToken(), "password", Members.PASSWORD));
        assertThat(sneak.status()).isEqualTo(422);
        assertThat(browser.get("/settings/profile").status()).isEqualTo(303);
        assertThat(Catalogue.number("SELECT count(*) FROM member_identities i JOIN members m ON m.id = i.member_id WHERE m.nickname = ?",
                nickname)).isZero();
    }

    @Test
    void aTamperedStateOrAnAnswerBroughtToAnotherBrowserSignsNobodyIn() {
        Page toProvider = browser.get("/signin/provider/mock");
        // No answer is queued: the provider vouches for someone of its own choosing; nobody is signed in anyway.
        Page atProvider = browser.get(toProvider.header("Location"));
        assertThat(atProvider.status()).isEqualTo(302);
        String callback = atProvider.location();
        String state = callback.replaceAll(".*[?&]state=([^&]+).*", "$1");
        String tampered = callback.replace("state=" + state, "state=" + (state.charAt(0) == 'A' ? "B" : "A") + state.substring(1));

        Page wrongState = browser.get(tampered);
        assertThat(wrongState.status()).isEqualTo(422);
        assertThat(wrongState.text(".form-errors")).contains("not started in this browser");
        Page elsewhere = browser.stranger().get(callback);
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.text(".form-errors")).contains("not started in this browser");
        assertThat(browser.get("/settings/profile").status()).isEqualTo(303);
    }

    @Test
    void aSignedInMemberLinksTheProviderFromTheSettingsAndUnlinksIt() {
        String nickname = Members.signUp(browser, "linker");
        Page methods = browser.get("/settings/sign-in");
        Page onward = browser.submit(methods, "form[data-link=mock]", Map.of());
        assertThat(onward.status()).isEqualTo(200);
        String authorization = onward.document().selectFirst("a[data-continue]").attr("href");
        TestInfrastructure.identityProvider().enqueueCallback(new DefaultOAuth2TokenCallback("mock", "linked-" + nickname, "JWT",
                List.of("soundhub"), Map.of("email", "elsewhere-" + Members.emailOf(nickname), "email_verified", false), 3600));
        Page back = browser.get(browser.get(authorization).location());
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location()).isEqualTo("/settings/sign-in");
        Page linked = browser.get("/settings/sign-in");
        assertThat(linked.text(".flash-messages")).contains("Mock ID is linked");
        assertThat(linked.text("[data-linked]")).contains("elsewhere-" + Members.emailOf(nickname));

        WebClient later = browser.stranger();
        assertThat(vouch(later, startAt(later), "linked-" + nickname, "whatever@example.com", false, null).location())
                .as("the linked identity signs in whatever address it has now").isEqualTo("/");

        Page unlinked = browser.submit(linked, "[data-provider=mock] form", Map.of());
        assertThat(unlinked.status()).isEqualTo(303);
        assertThat(browser.get("/settings/sign-in").document().select("[data-linked]")).isEmpty();
        WebClient newcomer = browser.stranger();
        Page stranger = vouch(newcomer, startAt(newcomer), "linked-" + nickname, "elsewhere-" + Members.emailOf(nickname),
                true, null);
        assertThat(stranger.location()).as("unlinked: a new person to the site").isEqualTo("/signin/provider/new");
    }

    @Test
    void aMemberWithoutAPasswordConfirmsWithTheProviderBeforeDeletingTheirAccount() {
        String nickname = Members.uniqueNickname("leaving");
        String email = Members.emailOf(nickname);
        String subject = "subject-" + nickname;
        assertThat(vouch(browser, startAt(browser), subject, email, true, null).location()).isEqualTo("/signin/provider/new");
        assertThat(browser.submit(browser.get("/signin/provider/new"), "form[data-provider-nickname-form]", Map.of("nickname", nickname))
                .status()).isEqualTo(303);

        Page deletion = browser.get("/settings/delete");
        assertThat(deletion.document().select("[data-no-password]")).hasSize(1);
        assertThat(deletion.document().select("#password")).isEmpty();
        Page refused = browser.post("/settings/delete", Map.of("_csrf", deletion.csrfToken(), "content", "keep"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("#password-help")).contains("Confirm with your sign-in provider first");

        Page onward = browser.submit(deletion, "form[data-confirm-with=mock]", Map.of());
        assertThat(onward.status()).isEqualTo(200);
        TestInfrastructure.identityProvider().enqueueCallback(new DefaultOAuth2TokenCallback("mock", "someone-else-" + nickname, "JWT",
                List.of("soundhub"), Map.of("email", email, "email_verified", true), 3600));
        Page wrongAccount = browser.get(browser.get(onward.document().selectFirst("a[data-continue]").attr("href")).location());
        assertThat(wrongAccount.status()).isEqualTo(422);
        assertThat(wrongAccount.text(".form-errors")).contains("not the Mock ID account linked to yours");

        Page again = browser.submit(browser.get("/settings/delete"), "form[data-confirm-with=mock]", Map.of());
        Page confirmed = vouch(browser, again.document().selectFirst("a[data-continue]").attr("href"), subject, email, true, null);
        assertThat(confirmed.location()).isEqualTo("/settings/delete");
        Page ready = browser.get("/settings/delete");
        assertThat(ready.document().select("[data-provider-confirmed]")).hasSize(1);
        Page deleted = browser.submit(ready, "form[data-delete-account]", Map.of("content", "keep"));
        assertThat(deleted.status()).isEqualTo(303);

        WebClient newcomer = browser.stranger();
        assertThat(vouch(newcomer, startAt(newcomer), subject, email, true, null).location())
                .as("the provider's account is free to sign up again").isEqualTo("/signin/provider/new");
    }

    /**
     * Goes to the provider's {@code authorization} address, where it vouches for {@code subject}
     * with these claims and sends the browser back; returns the site's answer to that.
     */
    private static Page vouch(WebClient client, String authorization, String subject, String email, boolean verified, String name) {
        Map<String, Object> claims = name == null ? Map.of("email", email, "email_verified", verified)
                : Map.of("email", email, "email_verified", verified, "name", name);
        TestInfrastructure.identityProvider().enqueueCallback(new DefaultOAuth2TokenCallback("mock", subject, "JWT", List.of("soundhub"), claims, 3600));
        Page atProvider = client.get(authorization);
        assertThat(atProvider.status()).isEqualTo(302);
        return client.get(atProvider.location());
    }

    /** "Sign in with Mock ID": where the site sends the browser. */
    private static String startAt(WebClient client) {
        Page toProvider = client.get("/signin/provider/mock");
        assertThat(toProvider.status()).as("off to the provider: %s", toProvider.body()).isEqualTo(303);
        return toProvider.header("Location");
    }
}
