package com.soundhub.projects;

import java.time.Instant;
import java.util.List;

import com.soundhub.platform.database.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Comments on the files of projects. */
@ApplicationScoped
public class FileCommentRepository {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /** A comment on a file, made on {@code revision} when the file held {@code contentHash}. */
    public record FileComment(long id, Long authorId, String body, Integer atMs, int revision, String contentHash, Instant createdAt) {
    }

    public void add(long projectId, String path, int revision, String contentHash, long authorId, String body, Integer atMs, Instant now) {
        em.createNativeQuery("INSERT INTO project_file_comments (project_id, path, revision, content_hash, author_id, body, at_ms, "
                        + "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, projectId).setParameter(2, path).setParameter(3, revision).setParameter(4, contentHash)
                .setParameter(5, authorId).setParameter(6, body).setParameter(7, atMs).setParameter(8, now).executeUpdate();
    }

    /** The newest {@code limit} comments on the path, oldest first. */
    @SuppressWarnings("unchecked")
    public List<FileComment> of(long projectId, String path, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT * FROM (SELECT id, author_id, body, at_ms, revision, content_hash, created_at "
                        + "FROM project_file_comments WHERE project_id = ?1 AND path = ?2 ORDER BY created_at DESC, id DESC LIMIT ?3) newest "
                        + "ORDER BY created_at, id", Object[].class)
                .setParameter(1, projectId).setParameter(2, path).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> new FileComment(((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).longValue(),
                row[2].toString(), row[3] == null ? null : ((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                row[5].toString().strip(), SqlTimes.instant(row[6]))).toList();
    }
}
