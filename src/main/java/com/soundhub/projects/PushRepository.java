package com.soundhub.projects;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.soundhub.platform.database.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

/** Pushes between their start and their commit: their changes and the contents they send. */
@ApplicationScoped
public class PushRepository {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /** A push as stored; a proposal's push carries a take offered by someone who may not push. */
    public record Push(UUID id, long projectId, long authorId, int base, Instant expiresAt, Integer committedAs, boolean proposal) {
    }

    /** A changed path: its new content, or none when the path is removed. */
    public record Change(String path, String hash, Long size) {

        boolean isRemoval() {
            return hash == null;
        }
    }

    /** A content the push sends, and how. */
    public record Upload(String hash, long size, String incomingKey, String multipartId, Long partSize, Instant verifiedAt) {
    }

    public void add(Push push, List<Change> changes, List<Upload> uploads) {
        em.createNativeQuery("INSERT INTO project_pushes (id, project_id, author_id, base, expires_at, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, push.id()).setParameter(2, push.projectId()).setParameter(3, push.authorId())
                .setParameter(4, push.base()).setParameter(5, push.expiresAt())
                .setParameter(6, push.proposal() ? "PROPOSAL" : "PUSH").executeUpdate();
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement(
                    "INSERT INTO project_push_changes (push_id, path, content_hash, size) VALUES (?, ?, ?, ?)")) {
                for (Change change : changes) {
                    insert.setObject(1, push.id());
                    insert.setString(2, change.path());
                    insert.setString(3, change.hash());
                    insert.setObject(4, change.size());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (var insert = connection.prepareStatement("INSERT INTO project_push_uploads "
                    + "(push_id, content_hash, size, incoming_key, multipart_id, part_size) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Upload upload : uploads) {
                    insert.setObject(1, push.id());
                    insert.setString(2, upload.hash());
                    insert.setLong(3, upload.size());
                    insert.setString(4, upload.incomingKey());
                    insert.setString(5, upload.multipartId());
                    insert.setObject(6, upload.partSize());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public Optional<Push> find(UUID id) {
        return push("SELECT id, project_id, author_id, base, expires_at, committed_as, kind FROM project_pushes WHERE id = ?1", id);
    }

    /** The push, locked until the transaction ends, so that it is committed once. */
    public Optional<Push> lock(UUID id) {
        return push("SELECT id, project_id, author_id, base, expires_at, committed_as, kind FROM project_pushes WHERE id = ?1 FOR UPDATE", id);
    }

    private Optional<Push> push(String sql, UUID id) {
        List<Object[]> rows = em.createNativeQuery(sql, Object[].class).setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(row -> new Push((UUID) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).intValue(), SqlTimes.instant(row[4]),
                row[5] == null ? null : ((Number) row[5]).intValue(), "PROPOSAL".equals(row[6].toString())));
    }

    public List<Change> changes(UUID push) {
        List<Object[]> rows = em.createNativeQuery("SELECT path, content_hash, size FROM project_push_changes WHERE push_id = ?1 "
                + "ORDER BY path", Object[].class).setParameter(1, push).getResultList();
        return rows.stream().map(row -> new Change(row[0].toString(), row[1] == null ? null : row[1].toString(),
                row[2] == null ? null : ((Number) row[2]).longValue())).toList();
    }

    public Map<String, Upload> uploads(UUID push) {
        List<Object[]> rows = em.createNativeQuery("SELECT content_hash, size, incoming_key, multipart_id, part_size, verified_at "
                + "FROM project_push_uploads WHERE push_id = ?1 ORDER BY content_hash", Object[].class).setParameter(1, push).getResultList();
        Map<String, Upload> uploads = new LinkedHashMap<>();
        for (Object[] row : rows) {
            uploads.put(row[0].toString(), new Upload(row[0].toString(), ((Number) row[1]).longValue(), row[2].toString(),
                    row[3] == null ? null : row[3].toString(), row[4] == null ? null : ((Number) row[4]).longValue(),
                    row[5] == null ? null : SqlTimes.instant(row[5])));
        }
        return uploads;
    }

    @Transactional
    public void verified(UUID push, String hash, Instant at) {
        em.createNativeQuery("UPDATE project_push_uploads SET verified_at = ?3 WHERE push_id = ?1 AND content_hash = ?2")
                .setParameter(1, push).setParameter(2, hash).setParameter(3, at).executeUpdate();
    }

    /** After a failed check the content is sent again, under a new multipart upload if it had one. */
    @Transactional
    public void restart(UUID push, String hash, String multipartId) {
        em.createNativeQuery("UPDATE project_push_uploads SET multipart_id = ?3, verified_at = NULL WHERE push_id = ?1 AND content_hash = ?2")
                .setParameter(1, push).setParameter(2, hash).setParameter(3, multipartId).executeUpdate();
    }

    /** Moves the push's expiry: far ahead while its proposal is open, to now once it is decided. */
    public void expires(UUID push, Instant at) {
        em.createNativeQuery("UPDATE project_pushes SET expires_at = ?2 WHERE id = ?1")
                .setParameter(1, push).setParameter(2, at).executeUpdate();
    }

    public void committed(UUID push, int revision) {
        em.createNativeQuery("UPDATE project_pushes SET committed_as = ?2 WHERE id = ?1")
                .setParameter(1, push).setParameter(2, revision).executeUpdate();
    }

    /** Pushes left unfinished past their expiry, or committed a while ago: their uploads can go. */
    public List<UUID> finished(Instant committedBefore, int limit) {
        List<?> rows = em.createNativeQuery("SELECT id FROM project_pushes WHERE (committed_as IS NULL AND expires_at < now()) "
                        + "OR (committed_as IS NOT NULL AND created_at < ?1) LIMIT ?2")
                .setParameter(1, Timestamp.from(committedBefore)).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> (UUID) row).toList();
    }

    public void delete(UUID push) {
        em.createNativeQuery("DELETE FROM project_pushes WHERE id = ?1").setParameter(1, push).executeUpdate();
    }
}
