package com.soundhub.recordings;

import java.security.SecureRandom;

/** Random ids for URLs: 11 characters of base 62, about 65 bits, so links cannot be guessed. */
public final class PublicIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom random = new SecureRandom();
    public static final int LENGTH = 11;

    private PublicIds() {
    }

    public static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    public static boolean looksValid(String candidate) {
        return candidate != null && candidate.length() == LENGTH
                && candidate.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    }
}
