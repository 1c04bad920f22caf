package com.soundhub.projects.contents;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
                        + "analysis FROM project_contents WHERE hash = ANY (cast(?1 AS text[]))", Object[].class)
                .setParameter(1, array(hashes)).getResultList();
        for (Object[] row : rows) {
            ContentInfo info = new ContentInfo(row[0].toString(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    row[3] == null ? null : ((Number) row[3]).intValue(), row[4] == null ? null : ((Number) row[4]).intValue(),
                    row[5] == null ? null : ((Number) row[5]).intValue(), row[6] == null ? null : ((Number) row[6]).floatValue(),
                    row[7].toString());
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

    /** Bytes of the contents the member sent first, for the storage quota. */
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
                        + "LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, graceSeconds).setParameter(2, limit).getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<?> deleted = em.createNativeQuery("DELETE FROM project_contents c WHERE hash = ANY (cast(?1 AS text[])) "
                        + "AND NOT EXISTS (SELECT 1 FROM project_revision_files f WHERE f.content_hash = c.hash) "
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
                        + "AND NOT EXISTS (SELECT 1 FROM project_push_changes ch JOIN project_pushes p ON p.id = ch.push_id "
                        + "WHERE ch.content_hash = c.hash AND p.committed_as IS NULL AND p.expires_at > now()) RETURNING hash")
                .setParameter(1, array(hashes)).getResultList();
        return deleted.stream().map(Object::toString).toList();
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
