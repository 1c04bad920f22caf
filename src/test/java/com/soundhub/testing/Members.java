package com.soundhub.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating members through the real sign-up page, with names no other test uses. */
public final class Members {

    public static final String PASSWORD = "a very good password";
    private static final AtomicInteger sequence = new AtomicInteger();

    private Members() {
    }

    /** A nickname unique within the test run, {@code prefix} first. */
    public static String uniqueNickname(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() % 10000 + "-" + sequence.incrementAndGet();
    }

    public static String emailOf(String nickname) {
        return nickname.toLowerCase() + "@example.com";
    }

    /**
     * Signs up a new member with {@code client} (which ends up signed in as them) and confirms
     * their address; returns the nickname. {@code AccountsIT} follows the mailed link itself: here
     * the address is confirmed in the database, so that the tests of everything else do not wait
     * for a mail each.
     */
    public static String signUp(WebClient client, String prefix) {
        String nickname = signUpUnconfirmed(client, prefix);
        confirmEmail(nickname);
        return nickname;
    }

    /** As {@link #signUp}, leaving the address unconfirmed: the member browses and listens only. */
    public static String signUpUnconfirmed(WebClient client, String prefix) {
        String nickname = uniqueNickname(prefix);
        WebClient.Page form = client.get("/signup");
        WebClient.Page done = client.submit(form, "form[action=/signup]",
                Map.of("email", emailOf(nickname), "nickname", nickname, "password", PASSWORD));
        assertThat(done.status()).as("sign-up of %s: %s", nickname, done.body()).isEqualTo(303);
        return nickname;
    }

    /** What following the link mailed at sign-up does, for members signed up through other means (a browser). */
    public static void confirmEmail(String nickname) {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement confirm = db.prepareStatement("UPDATE members SET email_confirmed_at = now() WHERE nickname = ?")) {
            confirm.setString(1, nickname);
            assertThat(confirm.executeUpdate()).as("members named %s", nickname).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code client} in as an existing member. */
    public static WebClient.Page signIn(WebClient client, String email, String password) {
        WebClient.Page form = client.get("/signin");
        return client.submit(form, "form[action=/signin]", Map.of("email", email, "password", password));
    }
}
