package com.soundhub.projects.contents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

@ApplicationScoped
public class ContentRepository {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /**
     * Which of the contents are stored, share-locked until the transaction ends so that the
     * clean-up cannot delete them meanwhile.
     */
    public Set<String> presentLocked(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        List<?> rows = em.createNativeQuery("SELECT hash FROM project_contents WHERE hash = ANY (cast(?1 AS text[])) FOR SHARE")
                .setParameter(1, array(hashes)).getResultList();
        return rows.stream().map(Object::toString).collect(Collectors.toSet());
    }

    public Map<String, ContentInfo> describe(Collection<String> hashes) {
        Map<String, ContentInfo> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT hash, size, crc32, duration_ms, sample_rate, channels, loudness_lufs, "
                        + "analysis, analysis_note FROM project_contents WHERE hash = ANY (cast(?1 AS text[]))", Object[].class)
                .setParameter(1, array(hashes)).getResultList();
        for (Object[] row : rows) {
            ContentInfo info = new ContentInfo(row[0].toString(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    row[3] == null ? null : ((Number) row[3]).intValue(), row[4] == null ? null : ((Number) row[4]).intValue(),
                    row[5] == null ? null : ((Number) row[5]).intValue(), row[6] == null ? null : ((Number) row[6]).floatValue(),
                    row[7].toString(), row[8] == null ? null : row[8].toString());
            found.put(info.hash(), info);
        }
        return found;
    }

    /** Adds the content unless it is there already; true when this call added it. */
    public boolean add(String hash, long size, long crc32, long pushedBy, boolean audio) {
        return em.createNativeQuery("INSERT INTO project_contents (hash, size, crc32, first_pushed_by, analysis) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (hash) DO NOTHING")
                .setParameter(1, hash).setParameter(2, size).setParameter(3, crc32).setParameter(4, pushedBy)
                .setParameter(5, audio ? "PENDING" : "NONE")
                .executeUpdate() == 1;
    }

    /** A content held under a name by something outside projects. */
    public record Held(String name, String hash, long size) {
    }

    /** Makes {@code holder}'s named contents exactly {@code hashesByName}. */
    public void hold(UUID holder, Map<String, String> hashesByName) {
        em.createNativeQuery("DELETE FROM project_content_holds WHERE holder = ?1").setParameter(1, holder).executeUpdate();
        hashesByName.forEach((name, hash) -> em.createNativeQuery(
                        "INSERT INTO project_content_holds (holder, name, content_hash) VALUES (?1, ?2, ?3)")
                .setParameter(1, holder).setParameter(2, name).setParameter(3, hash).executeUpdate());
    }

    /** What {@code holder} holds, by name, share-locked so that a release cannot delete them meanwhile. */
    public List<Held> held(UUID holder) {
        List<Object[]> rows = em.createNativeQuery("SELECT h.name, h.content_hash, c.size FROM project_content_holds h "
                        + "JOIN project_contents c ON c.hash = h.content_hash WHERE h.holder = ?1 ORDER BY h.name FOR SHARE", Object[].class)
                .setParameter(1, holder).getResultList();
        return rows.stream().map(row -> new Held(row[0].toString(), row[1].toString(), ((Number) row[2]).longValue())).toList();
    }

    /** Lets go of everything {@code holder} holds; contents nothing else refers to go with the next clean-up. */
    public int release(UUID holder) {
        return em.createNativeQuery("DELETE FROM project_content_holds WHERE holder = ?1").setParameter(1, holder).executeUpdate();
    }

    /** Bytes of the contents the member sent first, for the storage quota. */
    /** How many contents are kept, and their bytes (each content once, however many projects hold it). */
    public long[] totals() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), coalesce(sum(size), 0) FROM project_contents").getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    public long bytesFirstPushedBy(long memberId) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(size), 0) FROM project_contents WHERE first_pushed_by = ?1")
                .setParameter(1, memberId).getSingleResult()).longValue();
    }

    /**
     * Deletes the rows of contents older than {@code graceSeconds} that no revision and no push still
     * under way refers to, and returns their hashes. The rows are locked first and then checked in a
     * second statement, which sees every push that started meanwhile.
     */
    public List<String> deleteUnreferenced(long graceSeconds, int limit) {
        List<?> candidates = em.createNativeQuery("SELECT hash FROM project_contents c WHERE created_at < now() - make_interval(secs => ?1) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_revision_files f WHERE f.content_hash = c.hash) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_masters m WHERE m.content_hash = c.hash) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_content_holds h WHERE h.content_hash = c.hash) "
                        + "LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, graceSeconds).setParameter(2, limit).getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<?> deleted = em.createNativeQuery("DELETE FROM project_contents c WHERE hash = ANY (cast(?1 AS text[])) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_revision_files f WHERE f.content_hash = c.hash) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_masters m WHERE m.content_hash = c.hash) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_content_holds h WHERE h.content_hash = c.hash) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_push_changes ch JOIN project_pushes p ON p.id = ch.push_id "
                        + "WHERE ch.content_hash = c.hash AND p.committed_as IS NULL AND p.expires_at > now()) RETURNING hash")
                .setParameter(1, array(candidates.stream().map(Object::toString).toList())).getResultList();
        return deleted.stream().map(Object::toString).toList();
    }

    /** Deletes the named contents that nothing refers to any more (after their project was deleted). */
    public List<String> deleteIfUnreferenced(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        List<?> deleted = em.createNativeQuery("DELETE FROM project_contents c WHERE hash = ANY (cast(?1 AS text[])) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_revision_files f WHERE f.content_hash = c.hash) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_masters m WHERE m.content_hash = c.hash) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_content_holds h WHERE h.content_hash = c.hash) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_push_changes ch JOIN project_pushes p ON p.id = ch.push_id "
                        + "WHERE ch.content_hash = c.hash AND p.committed_as IS NULL AND p.expires_at > now()) RETURNING hash")
                .setParameter(1, array(hashes)).getResultList();
        return deleted.stream().map(Object::toString).toList();
    }

    /** An analysis to begin: the content it is about. */
    public record PendingAnalysis(String hash, long size, int attempts) {
    }

    /** What an analysis found, to be kept with the content. */
    public record Analysed(int durationMs, int sampleRate, int channels, Double loudnessLufs, byte[] peaks, String playlist) {
    }

    /**
     * Gives each of the contents that waits for its first analysis, or was not known to be audio, a
     * media job subject, and marks it pending; a content already queued, analysed or failed is left
     * alone. Returns the subjects given, by hash. The rows stay locked until the transaction ends, so
     * two pushes of one content queue it once.
     */
    public Map<String, UUID> queueAnalysis(Collection<String> hashes) {
        Map<String, UUID> queued = new HashMap<>();
        if (hashes.isEmpty()) {
            return queued;
        }
        String hashArray = array(hashes);
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE project_contents "
                    + "SET analysis = 'PENDING', analysis_note = NULL, media_subject = gen_random_uuid() "
                    + "WHERE hash = ANY (cast(? AS text[])) AND media_subject IS NULL AND analysis IN ('PENDING', 'NONE') "
                    + "RETURNING hash, media_subject")) {
                update.setString(1, hashArray);
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        queued.put(rows.getString(1), rows.getObject(2, UUID.class));
                    }
                }
            }
            return queued;
        });
    }

    /** Counts an attempt at the subject's analysis, if it still waits for one. */
    public Optional<PendingAnalysis> beginAnalysis(UUID subject) {
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE project_contents "
                    + "SET analysis_attempts = analysis_attempts + 1 WHERE media_subject = ? AND analysis = 'PENDING' "
                    + "RETURNING hash, size, analysis_attempts")) {
                update.setObject(1, subject);
                try (ResultSet rows = update.executeQuery()) {
                    return rows.next() ? Optional.of(new PendingAnalysis(rows.getString(1), rows.getLong(2), rows.getInt(3)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Keeps what the analysis found; false when the content is gone or no longer waits for it. */
    public boolean analysed(String hash, Analysed found) {
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE project_contents SET duration_ms = ?, "
                    + "sample_rate = ?, channels = ?, loudness_lufs = ?, peaks = ?, hls_playlist = ?, analysis = 'DONE', "
                    + "analysis_note = NULL WHERE hash = ? AND analysis = 'PENDING'")) {
                update.setInt(1, found.durationMs());
                update.setInt(2, found.sampleRate());
                update.setInt(3, found.channels());
                if (found.loudnessLufs() == null) {
                    update.setNull(4, Types.REAL);
                } else {
                    update.setFloat(4, found.loudnessLufs().floatValue());
                }
                update.setBytes(5, found.peaks());
                update.setString(6, found.playlist());
                update.setString(7, hash);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Ends the subject's analysis as failed, with a note for people; false when it no longer waited. */
    public boolean analysisFailed(UUID subject, String note) {
        return note(subject, "FAILED", note);
    }

    /** A note while the analysis waits for another attempt. */
    public boolean analysisNote(UUID subject, String note) {
        return note(subject, "PENDING", note);
    }

    private boolean note(UUID subject, String state, String note) {
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE project_contents SET analysis = ?, "
                    + "analysis_note = ? WHERE media_subject = ? AND analysis = 'PENDING'")) {
                update.setString(1, state);
                update.setString(2, note == null ? null : note.length() > 300 ? note.substring(0, 299) + "\u2026" : note);
                update.setObject(3, subject);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** The playlist and peaks of an analysed content. */
    public Optional<ContentPlayback> playback(String hash) {
        if (!ContentHash.looksValid(hash)) {
            return Optional.empty();
        }
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT hls_playlist, peaks, duration_ms "
                    + "FROM project_contents WHERE hash = ? AND analysis = 'DONE' AND hls_playlist IS NOT NULL")) {
                select.setString(1, hash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new ContentPlayback(rows.getString(1), rows.getBytes(2), rows.getInt(3)))
                            : Optional.empty();
                }
            }
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        // Statements of the current transaction's connection, so they see and join what it wrote.
        return em.unwrap(Session.class).doReturningWork(work::on);
    }

    private static String array(Collection<String> values) {
        // Hashes are hex digits only, so the array literal needs no quoting.
        return values.stream().peek(value -> {
            if (!ContentHash.looksValid(value)) {
                throw new IllegalArgumentException("Not a content hash: " + value);
            }
        }).collect(Collectors.joining(",", "{", "}"));
    }
}
