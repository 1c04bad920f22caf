package com.soundhub.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.soundhub.platform.rules.RuleViolation;

/** The rules of personal access tokens, without a database: their form, their hash, their limits. */
public final class TokenRules {

    /** Every token starts so, which lets people and secret scanners tell what it is. */
    public static final String PREFIX = "shp_";
    /** Random characters after the prefix: 40 base62 characters are about 238 bits. */
    public static final int RANDOM_LENGTH = 40;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH;
    public static final int NAME_MAX_LENGTH = 60;
    /** Tokens a member may have that have not expired. */
    public static final int MAX_LIVE_PER_MEMBER = 20;
    /** A token's last use is written down at most this often. */
    public static final Duration RECORD_USE_EVERY = Duration.ofMinutes(1);

    static final String NAME_EMPTY = "Give the token a name, such as the computer or program that will use it.";
    static final String NAME_TOO_LONG = "Use at most " + NAME_MAX_LENGTH + " characters.";
    static final String TOO_MANY = "You have " + MAX_LIVE_PER_MEMBER + " access tokens, the most a member may have. "
            + "Revoke one you no longer use, then create the new one.";

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom random = new SecureRandom();

    private TokenRules() {
    }

    /** A new token: the prefix and 40 characters drawn uniformly from base62 by {@link SecureRandom}. */
    public static String newToken() {
        StringBuilder token = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            token.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return token.toString();
    }

    /** Whether {@code text} has the form of a token we issue; anything else is refused without a lookup. */
    public static boolean looksLikeToken(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (BASE62.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * What is stored of a token and looked up by: its SHA-256. A fast hash is right here, unlike for
     * passwords: a token is some 240 random bits, so no guessing or precomputation can find one from
     * its hash, and a slow hash would only cost time on every API request.
     */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name as kept: without surrounding spaces. Refused when empty or too long. */
    public static String name(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            throw new RuleViolation("name", NAME_EMPTY);
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw new RuleViolation("name", NAME_TOO_LONG);
        }
        return name;
    }

    /** Whether a member holding this many unexpired tokens may get another. */
    public static boolean mayCreateAnother(long liveTokens) {
        return liveTokens < MAX_LIVE_PER_MEMBER;
    }

    /** Whether a token expiring at {@code expiresAt} (null: never) still works at {@code now}. */
    public static boolean isLive(Instant expiresAt, Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    /** Whether a use at {@code now} is worth writing down, the last one written being {@code lastUsedAt}. */
    public static boolean useWorthRecording(Instant lastUsedAt, Instant now) {
        return lastUsedAt == null || !lastUsedAt.plus(RECORD_USE_EVERY).isAfter(now);
    }

    /** How long a new token works. */
    public enum Lifetime {
        DAYS_30("30", "30 days", Duration.ofDays(30)),
        DAYS_90("90", "90 days", Duration.ofDays(90)),
        YEAR("365", "1 year", Duration.ofDays(365)),
        NEVER("never", "No expiry", null);

        /** The form's values, for its validation. */
        public static final String VALUES = "30|90|365|never";

        private final String value;
        private final String label;
        private final Duration duration;

        Lifetime(String value, String label, Duration duration) {
            this.value = value;
            this.label = label;
            this.duration = duration;
        }

        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }

        /** When a token created at {@code now} expires; null: never. */
        public Instant expiry(Instant now) {
            return duration == null ? null : now.plus(duration);
        }

        public static Optional<Lifetime> of(String value) {
            for (Lifetime lifetime : values()) {
                if (lifetime.value.equals(value)) {
                    return Optional.of(lifetime);
                }
            }
            return Optional.empty();
        }
    }
}
