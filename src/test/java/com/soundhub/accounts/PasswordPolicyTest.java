package com.soundhub.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void acceptsALongEnoughUnusualPassword() {
        assertThat(PasswordPolicy.problemWith("purple cello at midnight", "mina@example.com", "mina")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.problemWith("abc123xyz", "a@b.c", "nick")).hasValueSatisfying(
                problem -> assertThat(problem).contains("at least 10"));
    }

    @Test
    void refusesOverlongPasswords() {
        assertThat(PasswordPolicy.problemWith("x".repeat(129) + "yz", "a@b.c", "nick")).hasValueSatisfying(
                problem -> assertThat(problem).contains("at most 128"));
    }

    @Test
    void refusesPasswordsEveryAttackerTriesFirst() {
        assertThat(PasswordPolicy.problemWith("Password123", "a@b.c", "nick")).isPresent();
        assertThat(PasswordPolicy.problemWith("1234567890", "a@b.c", "nick")).isPresent();
        assertThat(PasswordPolicy.problemWith("abababababab", "a@b.c", "nick"))
                .as("two characters repeated").isPresent();
    }

    @Test
    void refusesTheEmailOrSomethingTooCloseToTheNickname() {
        assertThat(PasswordPolicy.problemWith("Mina.Kim@Example.com", "mina.kim@example.com", "mina")).hasValueSatisfying(
                problem -> assertThat(problem).contains("email"));
        assertThat(PasswordPolicy.problemWith("guitarhero99", "g@example.com", "GuitarHero")).hasValueSatisfying(
                problem -> assertThat(problem).contains("nickname"));
        assertThat(PasswordPolicy.problemWith("guitarhero plays the blues", "g@example.com", "GuitarHero"))
                .as("a nickname inside a long passphrase is fine").isEmpty();
    }
}
