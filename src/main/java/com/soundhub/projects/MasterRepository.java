package com.soundhub.projects;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.soundhub.platform.database.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Masters: bounces of a revision's mix. */
@ApplicationScoped
public class MasterRepository {

    private static final String COLUMNS = "id, project_id, revision, state, percent, note, content_hash, duration_ms, created_by, "
            + "created_at, finished_at, recording_public_id";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /** A master as stored. */
    public record Master(UUID id, long projectId, int revision, MasterState state, int percent, String note, String contentHash,
                         Integer durationMs, long createdBy, Instant createdAt, Instant finishedAt, String recordingPublicId) {
    }

    public void add(UUID id, long projectId, int revision, long createdBy, Instant now) {
        em.createNativeQuery("INSERT INTO project_masters (id, project_id, revision, state, created_by, created_at) "
                        + "VALUES (?1, ?2, ?3, 'QUEUED', ?4, ?5)")
                .setParameter(1, id).setParameter(2, projectId).setParameter(3, revision).setParameter(4, createdBy)
                .setParameter(5, now).executeUpdate();
    }

    public Optional<Master> find(UUID id) {
        return list("SELECT " + COLUMNS + " FROM project_masters WHERE id = ?1", id).stream().findFirst();
    }

    public List<Master> ofProject(long projectId, int limit) {
        return list("SELECT " + COLUMNS + " FROM project_masters WHERE project_id = ?1 ORDER BY created_at DESC LIMIT " + limit, projectId);
    }

    /** The published masters of these projects, newest first. */
    public List<Master> publishedIn(Collection<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return list("SELECT " + COLUMNS + " FROM project_masters WHERE project_id IN (?1) AND recording_public_id IS NOT NULL "
                + "ORDER BY created_at DESC", projectIds);
    }

    /** Moves a master that is not finished to {@code state}; false when it is finished or gone. */
    public boolean move(UUID id, MasterState state, int percent, String note) {
        return em.createNativeQuery("UPDATE project_masters SET state = ?2, percent = ?3, note = ?4 "
                        + "WHERE id = ?1 AND state IN ('QUEUED', 'MIXING')")
                .setParameter(1, id).setParameter(2, state.name()).setParameter(3, percent).setParameter(4, note)
                .executeUpdate() == 1;
    }

    public boolean done(UUID id, String contentHash, int durationMs, Instant at) {
        return em.createNativeQuery("UPDATE project_masters SET state = 'DONE', percent = 100, note = NULL, content_hash = ?2, "
                        + "duration_ms = ?3, finished_at = ?4 WHERE id = ?1 AND state IN ('QUEUED', 'MIXING')")
                .setParameter(1, id).setParameter(2, contentHash).setParameter(3, durationMs).setParameter(4, at)
                .executeUpdate() == 1;
    }

    /** Records the recording the master became; false when it was published already. */
    public boolean published(UUID id, String recordingPublicId) {
        return em.createNativeQuery("UPDATE project_masters SET recording_public_id = ?2 WHERE id = ?1 AND recording_public_id IS NULL")
                .setParameter(1, id).setParameter(2, recordingPublicId).executeUpdate() == 1;
    }

    public void failed(UUID id, String note, Instant at) {
        em.createNativeQuery("UPDATE project_masters SET state = 'FAILED', note = ?2, finished_at = ?3 "
                        + "WHERE id = ?1 AND state IN ('QUEUED', 'MIXING')")
                .setParameter(1, id).setParameter(2, note.length() > 300 ? note.substring(0, 299) + "\u2026" : note)
                .setParameter(3, at).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Master> list(String sql, Object parameter) {
        List<Object[]> rows = em.createNativeQuery(sql, Object[].class).setParameter(1, parameter).getResultList();
        return rows.stream().map(row -> new Master((UUID) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).intValue(),
                MasterState.valueOf(row[3].toString()), ((Number) row[4]).intValue(), row[5] == null ? null : row[5].toString(),
                row[6] == null ? null : row[6].toString(), row[7] == null ? null : ((Number) row[7]).intValue(),
                ((Number) row[8]).longValue(), SqlTimes.instant(row[9]),
                row[10] == null ? null : SqlTimes.instant(row[10]), row[11] == null ? null : row[11].toString())).toList();
    }
}
