package com.soundhub.projects;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

/**
 * Revisions and their manifests, in plain SQL: a manifest can hold ten thousand files, so they are
 * copied from revision to revision inside the database and read in one pass, never as entities.
 * Rows are only ever inserted.
 */
@ApplicationScoped
public class RevisionRepository {

    private static final String REVISION_COLUMNS = "number, parent, base, author_id, message, created_at, added, changed, "
            + "removed, file_count, total_size";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /** A path both revisions hold with different content, or one of them lacks. */
    public record Difference(String path, ManifestEntry from, ManifestEntry to) {
    }

    /** A path a replayed push took over from someone else's newer version. */
    public record Replacement(String path, int replacedRevision) {
    }

    public Optional<RevisionInfo> revision(long projectId, int number) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + REVISION_COLUMNS
                    + " FROM project_revisions WHERE project_id = ? AND number = ?")) {
                select.setLong(1, projectId);
                select.setInt(2, number);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(revision(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Revisions newest first, from before {@code beforeNumber}. */
    public List<RevisionInfo> revisions(long projectId, int beforeNumber, int limit) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + REVISION_COLUMNS
                    + " FROM project_revisions WHERE project_id = ? AND number < ? ORDER BY number DESC LIMIT ?")) {
                select.setLong(1, projectId);
                select.setInt(2, beforeNumber);
                select.setInt(3, limit);
                List<RevisionInfo> revisions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        revisions.add(revision(rows));
                    }
                }
                return revisions;
            }
        });
    }

    /** The revision's files by path, in path order; empty for revision 0. */
    public Map<String, ManifestEntry> manifest(long projectId, int revision) {
        return work(connection -> {
            Map<String, ManifestEntry> files = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT path, content_hash, size, since_revision, "
                    + "modified_at FROM project_revision_files WHERE project_id = ? AND revision = ? ORDER BY path")) {
                select.setLong(1, projectId);
                select.setInt(2, revision);
                select.setFetchSize(2000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ManifestEntry entry = entry(rows, 1);
                        files.put(entry.path(), entry);
                    }
                }
            }
            return files;
        });
    }

    /** The file at {@code path} in the revision, if it holds one. */
    public Optional<ManifestEntry> entry(long projectId, int revision, String path) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT path, content_hash, size, since_revision, "
                    + "modified_at FROM project_revision_files WHERE project_id = ? AND revision = ? AND path = ?")) {
                select.setLong(1, projectId);
                select.setInt(2, revision);
                select.setString(3, path);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(entry(rows, 1)) : Optional.<ManifestEntry>empty();
                }
            }
        });
    }

    /** Up to {@code limit} files of the revision in path order, after {@code afterPath} when given. */
    public List<ManifestEntry> manifestPage(long projectId, int revision, String afterPath, int limit) {
        return work(connection -> {
            List<ManifestEntry> files = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT path, content_hash, size, since_revision, "
                    + "modified_at FROM project_revision_files WHERE project_id = ? AND revision = ? AND path > ? "
                    + "ORDER BY path LIMIT ?")) {
                select.setLong(1, projectId);
                select.setInt(2, revision);
                select.setString(3, afterPath == null ? "" : afterPath);
                select.setInt(4, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        files.add(entry(rows, 1));
                    }
                }
            }
            return files;
        });
    }

    /** The differences between two revisions of a project, in path order. */
    public List<Difference> diff(long projectId, int from, int to) {
        return work(connection -> {
            List<Difference> differences = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT a.path, a.content_hash, a.size, a.since_revision, a.modified_at,
                           b.path, b.content_hash, b.size, b.since_revision, b.modified_at
                    FROM (SELECT * FROM project_revision_files WHERE project_id = ? AND revision = ?) a
                    FULL JOIN (SELECT * FROM project_revision_files WHERE project_id = ? AND revision = ?) b ON a.path = b.path
                    WHERE a.content_hash IS DISTINCT FROM b.content_hash
                    ORDER BY coalesce(a.path, b.path)""")) {
                select.setLong(1, projectId);
                select.setInt(2, from);
                select.setLong(3, projectId);
                select.setInt(4, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ManifestEntry before = rows.getString(1) == null ? null : entry(rows, 1);
                        ManifestEntry after = rows.getString(6) == null ? null : entry(rows, 6);
                        differences.add(new Difference(before != null ? before.path() : after.path(), before, after));
                    }
                }
            }
            return differences;
        });
    }

    /** The revisions in which {@code path} got a new content, newest first. */
    public List<Integer> changesOf(long projectId, String path) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT since_revision FROM project_revision_files "
                    + "WHERE project_id = ? AND path = ? ORDER BY since_revision DESC")) {
                select.setLong(1, projectId);
                select.setString(2, path);
                List<Integer> revisions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        revisions.add(rows.getInt(1));
                    }
                }
                return revisions;
            }
        });
    }

    /** The paths of revision {@code revision} that hold the content {@code hash}, in path order. */
    public List<String> pathsHolding(long projectId, int revision, String hash) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT path FROM project_revision_files "
                    + "WHERE project_id = ? AND revision = ? AND content_hash = ? ORDER BY path")) {
                select.setLong(1, projectId);
                select.setInt(2, revision);
                select.setString(3, hash);
                List<String> paths = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        paths.add(rows.getString(1));
                    }
                }
                return paths;
            }
        });
    }

    /** Every content any revision of the project holds. */
    public List<String> contentsOf(long projectId) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT content_hash FROM project_revision_files WHERE project_id = ?")) {
                select.setLong(1, projectId);
                List<String> hashes = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hashes.add(rows.getString(1));
                    }
                }
                return hashes;
            }
        });
    }

    /**
     * The members whose pushes (or accepted proposals) brought the files {@code revision} holds, first
     * contributions first; for a fork, the authors in its sources of the files it holds unchanged too.
     */
    public List<Long> contributors(long projectId, int revision) {
        return work(connection -> {
            // A file a fork still holds as it came (unchanged since the fork's r1) is followed into the
            // source revision it came from, and on into the source's own source: its authors there are
            // credited first, then the fork's.
            try (PreparedStatement select = connection.prepareStatement("WITH RECURSIVE held (project_id, path, content_hash, "
                    + "since_revision, depth) AS ("
                    + "SELECT project_id, path, content_hash, since_revision, 0 FROM project_revision_files "
                    + "WHERE project_id = ? AND revision = ? "
                    + "UNION ALL SELECT s.project_id, s.path, s.content_hash, s.since_revision, h.depth + 1 FROM held h "
                    + "JOIN projects p ON p.id = h.project_id AND h.since_revision = 1 AND p.forked_from_id IS NOT NULL "
                    + "JOIN project_revision_files s ON s.project_id = p.forked_from_id AND s.revision = p.forked_from_revision "
                    + "AND s.path = h.path AND s.content_hash = h.content_hash WHERE h.depth < 64) "
                    + "SELECT r.author_id FROM held h JOIN project_revisions r ON r.project_id = h.project_id AND r.number = h.since_revision "
                    + "GROUP BY r.author_id ORDER BY max(h.depth) DESC, min(h.since_revision), r.author_id")) {
                select.setLong(1, projectId);
                select.setInt(2, revision);
                List<Long> authors = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        authors.add(rows.getLong(1));
                    }
                }
                return authors;
            }
        });
    }

    /** True when some revision of the project, one of its open proposals or one of its masters holds the content. */
    public boolean holds(long projectId, String hash) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM project_revision_files WHERE project_id = ? AND content_hash = ? "
                            + "UNION ALL SELECT 1 FROM project_proposal_files f JOIN project_proposals p ON p.id = f.proposal_id "
                            + "WHERE p.project_id = ? AND f.content_hash = ? AND p.state = 'OPEN' "
                            + "UNION ALL SELECT 1 FROM project_masters WHERE project_id = ? AND content_hash = ? LIMIT 1")) {
                select.setLong(1, projectId);
                select.setString(2, hash);
                select.setLong(3, projectId);
                select.setString(4, hash);
                select.setLong(5, projectId);
                select.setString(6, hash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    public List<Replacement> replacements(long projectId, int revision) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT path, replaced_revision "
                    + "FROM project_revision_replacements WHERE project_id = ? AND revision = ? ORDER BY path")) {
                select.setLong(1, projectId);
                select.setInt(2, revision);
                List<Replacement> replacements = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        replacements.add(new Replacement(rows.getString(1), rows.getInt(2)));
                    }
                }
                return replacements;
            }
        });
    }

    /**
     * Writes a new revision: the parent's files, without {@code removed} and with {@code put}
     * added or replaced. The caller holds the project's lock.
     */
    public void write(long projectId, RevisionInfo revision, Collection<ManifestEntry> put, Collection<String> removed,
                      Collection<Replacement> replacements) {
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO project_revisions (project_id, "
                    + REVISION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, projectId);
                insert.setInt(2, revision.number());
                insert.setInt(3, revision.parent());
                insert.setInt(4, revision.base());
                insert.setLong(5, revision.authorId());
                insert.setString(6, revision.message());
                insert.setTimestamp(7, Timestamp.from(revision.createdAt()));
                insert.setInt(8, revision.added());
                insert.setInt(9, revision.changed());
                insert.setInt(10, revision.removed());
                insert.setInt(11, revision.fileCount());
                insert.setLong(12, revision.totalSize());
                insert.executeUpdate();
            }
            List<String> replacedPaths = new ArrayList<>(removed);
            put.forEach(entry -> replacedPaths.add(entry.path()));
            Array skipped = connection.createArrayOf("text", replacedPaths.toArray());
            try (PreparedStatement copy = connection.prepareStatement("INSERT INTO project_revision_files "
                    + "(project_id, revision, path, content_hash, size, since_revision, modified_at) "
                    + "SELECT project_id, ?, path, content_hash, size, since_revision, modified_at FROM project_revision_files "
                    + "WHERE project_id = ? AND revision = ? AND NOT (path = ANY (?))")) {
                copy.setInt(1, revision.number());
                copy.setLong(2, projectId);
                copy.setInt(3, revision.parent());
                copy.setArray(4, skipped);
                copy.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO project_revision_files "
                    + "(project_id, revision, path, content_hash, size, since_revision, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (ManifestEntry entry : put) {
                    insert.setLong(1, projectId);
                    insert.setInt(2, revision.number());
                    insert.setString(3, entry.path());
                    insert.setString(4, entry.hash());
                    insert.setLong(5, entry.size());
                    insert.setInt(6, entry.sinceRevision());
                    insert.setTimestamp(7, Timestamp.from(entry.modifiedAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO project_revision_replacements "
                    + "(project_id, revision, path, replaced_revision) VALUES (?, ?, ?, ?)")) {
                for (Replacement replacement : replacements) {
                    insert.setLong(1, projectId);
                    insert.setInt(2, revision.number());
                    insert.setString(3, replacement.path());
                    insert.setInt(4, replacement.replacedRevision());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Writes {@code revision} of {@code projectId} as holding exactly the files of {@code sourceRevision}
     * of {@code sourceProjectId}: the same contents, nothing copied in storage. For a fork's r1.
     */
    public void writeCopy(long projectId, RevisionInfo revision, long sourceProjectId, int sourceRevision) {
        write(projectId, revision, List.of(), List.of(), List.of());
        work(connection -> {
            try (PreparedStatement copy = connection.prepareStatement("INSERT INTO project_revision_files "
                    + "(project_id, revision, path, content_hash, size, since_revision, modified_at) "
                    + "SELECT ?, ?, path, content_hash, size, ?, modified_at FROM project_revision_files "
                    + "WHERE project_id = ? AND revision = ?")) {
                copy.setLong(1, projectId);
                copy.setInt(2, revision.number());
                copy.setInt(3, revision.number());
                copy.setLong(4, sourceProjectId);
                copy.setInt(5, sourceRevision);
                copy.executeUpdate();
            }
            return null;
        });
    }

    private static RevisionInfo revision(ResultSet rows) throws SQLException {
        return new RevisionInfo(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getLong(4), rows.getString(5),
                rows.getTimestamp(6).toInstant(), rows.getInt(7), rows.getInt(8), rows.getInt(9), rows.getInt(10), rows.getLong(11));
    }

    private static ManifestEntry entry(ResultSet rows, int first) throws SQLException {
        return new ManifestEntry(rows.getString(first), rows.getString(first + 1), rows.getLong(first + 2),
                rows.getInt(first + 3), rows.getTimestamp(first + 4).toInstant());
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        // Statements of the current transaction's connection, so they see and join what it wrote.
        return em.unwrap(Session.class).doReturningWork(work::on);
    }
}
