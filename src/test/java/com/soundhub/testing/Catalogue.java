package com.soundhub.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Playable public recordings written straight into the database (rows only, as the catalogue seed
 * does), for tests of lists, search and community features that do not need real audio.
 */
public final class Catalogue {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom random = new SecureRandom();

    private Catalogue() {
    }

    /** A ready, public, one-minute recording by the member, published at {@code publishedAt}; returns its public id. */
    public static String recording(String ownerNickname, String title, String searchText, String genreSlug,
                                   String license, Instant publishedAt) {
        String publicId = publicId();
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO recordings (public_id, owner_id, title, description, genre_id, license, visibility, status,
                                             duration_ms, hls_prefix, hls_playlist, search_text, published_at)
                     SELECT ?, m.id, ?, '', (SELECT g.id FROM genres g WHERE g.slug = ?), ?, 'PUBLIC', 'READY', 60000,
                            'recordings/' || ? || '/hls/', E'#EXTM3U\\n#EXT-X-ENDLIST\\n', ?, ?
                     FROM members m WHERE m.nickname = ?""")) {
            insert.setString(1, publicId);
            insert.setString(2, title);
            insert.setString(3, genreSlug);
            insert.setString(4, license);
            insert.setString(5, publicId);
            insert.setString(6, title + " " + searchText);
            insert.setTimestamp(7, Timestamp.from(publishedAt));
            insert.setString(8, ownerNickname);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("No member " + ownerNickname);
            }
            return publicId;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String recording(String ownerNickname, String title, Instant publishedAt) {
        return recording(ownerNickname, title, "", null, "CC_BY", publishedAt);
    }

    public static void tag(String publicId, String tag) {
        update("INSERT INTO recording_tags (recording_id, tag) SELECT id, ? FROM recordings WHERE public_id = ?", tag, publicId);
    }

    public static void makePrivate(String publicId) {
        update("UPDATE recordings SET visibility = 'PRIVATE' WHERE public_id = ?", publicId);
    }

    public static long number(String sql, Object... parameters) {
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void update(String sql, Object... parameters) {
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicId() {
        char[] id = new char[11];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
