package com.soundhub.accounts;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Passwords are stored as PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's 2023 figure) and a
 * 32-byte random salt, using Jakarta Security's implementation. The iteration count is stored with
 * each hash, so hashes made with fewer iterations are upgraded at the next sign-in.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int ITERATIONS = 600_000;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private String decoyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoyHash = pbkdf2.generate("decoy password".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        if (storedHash.startsWith(Member.NO_PASSWORD)) {
            spendTimeOfAVerification(password);
            return false;
        }
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /**
     * Takes as long as checking a real password, so that a sign-in for an unknown email cannot be
     * told from a wrong password by its timing.
     */
    public void spendTimeOfAVerification(String password) {
        pbkdf2.verify(password.toCharArray(), decoyHash);
    }

    /** Whether the hash was made with fewer iterations than are used now. */
    public boolean needsRehash(String storedHash) {
        String[] parts = storedHash.split(":");
        try {
            return parts.length < 2 || Integer.parseInt(parts[1]) < ITERATIONS;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
