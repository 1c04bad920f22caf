package com.soundhub.accounts;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.soundhub.platform.database.SqlTimes;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.persistence.EntityManager;

/**
 * Links sent by mail (password resets, email changes): a random token in the link, only its
 * SHA-256 stored, usable once before it expires.
 */
final class MailedLinks {

    private static final SecureRandom random = new SecureRandom();

    private MailedLinks() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a usable link is for, from its row. */
    record Found(long id, long memberId, Object detail) {
    }

    /**
     * The row of {@code table} holding {@code token}, if it can still be used; {@code detail} is
     * one more column to read. The messages say why not, on the field "token".
     */
    static Found usable(EntityManager em, String table, String detail, String token, boolean lock, Instant now,
                        String invalid, String used, String expired) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw new RuleViolation("token", invalid);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, member_id, expires_at, used_at, " + detail + " FROM " + table
                        + " WHERE token_hash = ?1" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, SessionService.hash(token)).getResultList();
        if (rows.isEmpty()) {
            throw new RuleViolation("token", invalid);
        }
        Object[] row = rows.get(0);
        if (row[3] != null) {
            throw new RuleViolation("token", used);
        }
        if (!SqlTimes.instant(row[2]).isAfter(now)) {
            throw new RuleViolation("token", expired);
        }
        return new Found(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), row[4]);
    }
}
