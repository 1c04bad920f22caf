package com.soundhub.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: long enough to resist guessing (NIST SP 800-63B asks for length,
 * not composition rules), not the member's own email or nickname, and not one of the passwords
 * every attacker tries first.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> TRIED_FIRST = Set.of(
            "1234567890", "12345678910", "0123456789", "1111111111", "0000000000", "qwertyuiop",
            "password12", "password123", "password1234", "passw0rd123", "iloveyou12", "qwerty1234",
            "qwerty12345", "1q2w3e4r5t", "abcdefghij", "asdfghjkl1", "soundhub123", "soundhub1234",
            "letmein123", "welcome123", "sunshine12", "football12", "princess12", "aaaaaaaaaa");

    private PasswordPolicy() {
    }

    /** Why {@code password} is not acceptable, or empty when it is. */
    public static Optional<String> problemWith(String password, String email, String nickname) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (TRIED_FIRST.contains(lower) || lower.chars().distinct().count() <= 2) {
            return Optional.of("This password is too easy to guess. Try a short sentence or a few unrelated words.");
        }
        if (email != null && lower.equals(email.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("Don't use your email address as your password.");
        }
        if (nickname != null && lower.contains(nickname.trim().toLowerCase(Locale.ROOT)) && nickname.trim().length() >= 4
                && lower.length() - nickname.trim().length() < 4) {
            return Optional.of("Your password is too close to your nickname.");
        }
        return Optional.empty();
    }
}
