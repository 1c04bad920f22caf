package com.soundhub.projects;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.soundhub.platform.database.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

/** Proposals, their files and their discussion. */
@ApplicationScoped
public class ProposalRepository {

    private static final String COLUMNS = "id, project_id, number, push_id, proposer_id, base, instrument_id, note, state, "
            + "decided_by, decision_note, revision, created_at, decided_at";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /** A proposal as stored. */
    public record Proposal(long id, long projectId, int number, UUID pushId, long proposerId, int base, Short instrumentId,
                           String note, ProposalState state, Long decidedBy, String decisionNote, Integer revision,
                           Instant createdAt, Instant decidedAt) {
    }

    /** A file the proposal adds or replaces. */
    public record File(String path, String hash, long size) {
    }

    /** A comment on a proposal, at a moment of the take when {@code atMs} is given. */
    public record Comment(long id, long authorId, String body, Integer atMs, Instant createdAt) {
    }

    /** Writes a new proposal with the next number of its project; the caller holds the project's lock. */
    public Proposal add(long projectId, UUID pushId, long proposerId, int base, Short instrumentId, String note, List<File> files,
                        Instant now) {
        int number = ((Number) em.createNativeQuery("SELECT coalesce(max(number), 0) + 1 FROM project_proposals WHERE project_id = ?1")
                .setParameter(1, projectId).getSingleResult()).intValue();
        long id = ((Number) em.createNativeQuery("INSERT INTO project_proposals (project_id, number, push_id, proposer_id, base, "
                        + "instrument_id, note, state, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'OPEN', ?8) RETURNING id")
                .setParameter(1, projectId).setParameter(2, number).setParameter(3, pushId).setParameter(4, proposerId)
                .setParameter(5, base).setParameter(6, instrumentId).setParameter(7, note).setParameter(8, now)
                .getSingleResult()).longValue();
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement(
                    "INSERT INTO project_proposal_files (proposal_id, path, content_hash, size) VALUES (?, ?, ?, ?)")) {
                for (File file : files) {
                    insert.setLong(1, id);
                    insert.setString(2, file.path());
                    insert.setString(3, file.hash());
                    insert.setLong(4, file.size());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        return find(projectId, number).orElseThrow();
    }

    public Optional<Proposal> find(long projectId, int number) {
        return list("SELECT " + COLUMNS + " FROM project_proposals WHERE project_id = ?1 AND number = ?2", projectId, number)
                .stream().findFirst();
    }

    public Optional<Proposal> forPush(UUID pushId) {
        return list("SELECT " + COLUMNS + " FROM project_proposals WHERE push_id = ?1", pushId).stream().findFirst();
    }

    /** The proposal, locked until the transaction ends, so that it is decided once. */
    public Optional<Proposal> lock(long projectId, int number) {
        return list("SELECT " + COLUMNS + " FROM project_proposals WHERE project_id = ?1 AND number = ?2 FOR UPDATE", projectId, number)
                .stream().findFirst();
    }

    /** The project's proposals, newest first; only the open ones when {@code openOnly}. */
    public List<Proposal> ofProject(long projectId, boolean openOnly, int limit) {
        return list("SELECT " + COLUMNS + " FROM project_proposals WHERE project_id = ?1"
                + (openOnly ? " AND state = 'OPEN'" : "") + " ORDER BY number DESC LIMIT " + limit, projectId);
    }

    public long openCount(long projectId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM project_proposals WHERE project_id = ?1 AND state = 'OPEN'")
                .setParameter(1, projectId).getSingleResult()).longValue();
    }

    public void decide(long id, ProposalState state, Long decidedBy, String decisionNote, Integer revision, Instant at) {
        em.createNativeQuery("UPDATE project_proposals SET state = ?2, decided_by = ?3, decision_note = ?4, revision = ?5, "
                        + "decided_at = ?6 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, state.name()).setParameter(3, decidedBy).setParameter(4, decisionNote)
                .setParameter(5, revision).setParameter(6, at).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<File> files(long proposalId) {
        List<Object[]> rows = em.createNativeQuery("SELECT path, content_hash, size FROM project_proposal_files "
                + "WHERE proposal_id = ?1 ORDER BY path", Object[].class).setParameter(1, proposalId).getResultList();
        return rows.stream().map(row -> new File(row[0].toString(), row[1].toString(), ((Number) row[2]).longValue())).toList();
    }

    public void comment(long proposalId, long authorId, String body, Integer atMs, Instant now) {
        em.createNativeQuery("INSERT INTO project_proposal_comments (proposal_id, author_id, body, at_ms, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, proposalId).setParameter(2, authorId).setParameter(3, body).setParameter(4, atMs)
                .setParameter(5, now).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Comment> comments(long proposalId) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, author_id, body, at_ms, created_at FROM project_proposal_comments "
                + "WHERE proposal_id = ?1 ORDER BY id", Object[].class).setParameter(1, proposalId).getResultList();
        return rows.stream().map(row -> new Comment(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), row[2].toString(),
                row[3] == null ? null : ((Number) row[3]).intValue(), SqlTimes.instant(row[4]))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Proposal> list(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql, Object[].class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Proposal(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).intValue(), (UUID) row[3], ((Number) row[4]).longValue(), ((Number) row[5]).intValue(),
                row[6] == null ? null : ((Number) row[6]).shortValue(), row[7].toString(), ProposalState.valueOf(row[8].toString()),
                row[9] == null ? null : ((Number) row[9]).longValue(), row[10] == null ? null : row[10].toString(),
                row[11] == null ? null : ((Number) row[11]).intValue(), SqlTimes.instant(row[12]),
                row[13] == null ? null : SqlTimes.instant(row[13]))).toList();
    }
}
