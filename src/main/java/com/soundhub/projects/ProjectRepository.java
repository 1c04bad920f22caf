package com.soundhub.projects;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.soundhub.platform.database.Like;
import com.soundhub.platform.database.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Projects, their members, invitations and activity. */
@ApplicationScoped
public class ProjectRepository {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /** A member of a project, with the role they have in it. */
    public record Membership(long memberId, ProjectRole role, Instant joinedAt) {
    }

    /** An invitation waiting for its answer. */
    public record Invitation(long id, long projectId, long memberId, ProjectRole role, long invitedBy, Instant createdAt) {
    }

    /** A line of a project's activity. */
    public record Activity(long actorId, String summary, Instant at) {
    }

    public Optional<Project> byPublicId(String publicId) {
        return em.createQuery("SELECT p FROM Project p WHERE p.publicId = :id", Project.class)
                .setParameter("id", publicId)
                .getResultStream().findFirst();
    }

    public Optional<Project> byId(long id) {
        return Optional.ofNullable(em.find(Project.class, id));
    }

    /** The projects with these ids, by id, in one query. */
    public Map<Long, Project> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT p FROM Project p WHERE p.id IN :ids", Project.class)
                .setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Project::getId, project -> project));
    }

    /** Reads the project again from the database (after its head was moved in SQL). */
    public Project reload(Project project) {
        em.flush();
        em.refresh(project);
        return project;
    }

    /**
     * Every project in the fork tree {@code projectId} belongs to: its first ancestor and all that
     * was forked from it, at most {@code limit}. Forks are always younger than their sources, so the
     * tree has no cycles.
     */
    @SuppressWarnings("unchecked")
    public List<Project> forkTree(long projectId, int limit) {
        return em.createNativeQuery("WITH RECURSIVE up (id, forked_from_id) AS ("
                        + " SELECT id, forked_from_id FROM projects WHERE id = ?1"
                        + " UNION ALL SELECT p.id, p.forked_from_id FROM projects p JOIN up ON p.id = up.forked_from_id),"
                        + " down (id) AS (SELECT id FROM up WHERE forked_from_id IS NULL"
                        + " UNION ALL SELECT p.id FROM projects p JOIN down ON p.forked_from_id = down.id)"
                        + " SELECT p.* FROM projects p JOIN down ON p.id = down.id ORDER BY p.created_at, p.id", Project.class)
                .setParameter(1, projectId).setMaxResults(limit).getResultList();
    }

    /** How many projects were forked from each of these. */
    public Map<Long, Long> forkCounts(Collection<Long> projectIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (projectIds.isEmpty()) {
            return counts;
        }
        em.createQuery("SELECT p.forkedFromId, COUNT(p) FROM Project p WHERE p.forkedFromId IN :ids"
                        + " AND p.visibility = com.soundhub.recordings.Visibility.PUBLIC GROUP BY p.forkedFromId", Object[].class)
                .setParameter("ids", projectIds).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    /** The project, locked until the transaction ends: pushes take it in turn to number their revisions. */
    public Project lock(long id) {
        // The row is locked first, on its own: asked to lock while it reads, Hibernate reads the
        // project with its wanted instruments (an outer join PostgreSQL cannot lock) and locks the
        // row in a second statement afterwards, keeping the head it read before waiting for the lock.
        em.createNativeQuery("SELECT id FROM projects WHERE id = ?1 FOR UPDATE").setParameter(1, id).getSingleResult();
        Project project = em.find(Project.class, id);
        // Read again now that the lock is held: a copy loaded earlier in this transaction may hold an old head.
        em.refresh(project);
        return project;
    }

    /**
     * Locks the project's row until the transaction ends and reads its newest revision's number
     * there and then: pushes take turns here to number their revisions. Read in SQL, since a copy
     * of the project loaded earlier in the transaction may hold an older number.
     */
    public int lockHead(long id) {
        return ((Number) em.createNativeQuery("SELECT head FROM projects WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getSingleResult()).intValue();
    }

    /** Moves the head to a new revision; the caller holds the lock of {@link #lockHead}. */
    public void advanceHead(long id, int revision, Instant at) {
        em.createNativeQuery("UPDATE projects SET head = ?2, updated_at = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, revision).setParameter(3, at).executeUpdate();
    }

    public void add(Project project) {
        em.persist(project);
        em.flush();
    }

    public void delete(Project project) {
        em.remove(project);
        em.flush();
    }

    public Optional<ProjectRole> roleOf(long projectId, long memberId) {
        List<?> roles = em.createNativeQuery("SELECT role FROM project_members WHERE project_id = ?1 AND member_id = ?2")
                .setParameter(1, projectId).setParameter(2, memberId).getResultList();
        return roles.stream().findFirst().map(role -> ProjectRole.valueOf(role.toString()));
    }

    public void addMember(long projectId, long memberId, ProjectRole role) {
        em.createNativeQuery("INSERT INTO project_members (project_id, member_id, role) VALUES (?1, ?2, ?3)")
                .setParameter(1, projectId).setParameter(2, memberId).setParameter(3, role.name()).executeUpdate();
    }

    public void changeRole(long projectId, long memberId, ProjectRole role) {
        em.createNativeQuery("UPDATE project_members SET role = ?3 WHERE project_id = ?1 AND member_id = ?2")
                .setParameter(1, projectId).setParameter(2, memberId).setParameter(3, role.name()).executeUpdate();
    }

    public void removeMember(long projectId, long memberId) {
        em.createNativeQuery("DELETE FROM project_members WHERE project_id = ?1 AND member_id = ?2")
                .setParameter(1, projectId).setParameter(2, memberId).executeUpdate();
    }

    public long ownerCount(long projectId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM project_members WHERE project_id = ?1 AND role = 'OWNER'")
                .setParameter(1, projectId).getSingleResult()).longValue();
    }

    public List<Membership> members(long projectId) {
        List<Object[]> rows = em.createNativeQuery("SELECT member_id, role, joined_at FROM project_members WHERE project_id = ?1 "
                        + "ORDER BY CASE role WHEN 'OWNER' THEN 0 WHEN 'PRODUCER' THEN 1 ELSE 2 END, joined_at", Object[].class)
                .setParameter(1, projectId).getResultList();
        return rows.stream().map(row -> new Membership(((Number) row[0]).longValue(), ProjectRole.valueOf(row[1].toString()),
                SqlTimes.instant(row[2]))).toList();
    }

    /** How many members each of the projects has (projects without any are left out). */
    public Map<Long, Long> memberCounts(Collection<Long> projectIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (projectIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT project_id, count(*) FROM project_members WHERE project_id IN (:ids) "
                        + "GROUP BY project_id", Object[].class)
                .setParameter("ids", projectIds).getResultList();
        rows.forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** The instruments each of the projects looks for (projects looking for none are left out). */
    public Map<Long, List<Short>> wantedInstruments(Collection<Long> projectIds) {
        Map<Long, List<Short>> wanted = new HashMap<>();
        if (projectIds.isEmpty()) {
            return wanted;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT project_id, instrument_id FROM project_wanted_instruments "
                        + "WHERE project_id IN (:ids) ORDER BY project_id, instrument_id", Object[].class)
                .setParameter("ids", projectIds).getResultList();
        rows.forEach(row -> wanted.computeIfAbsent(((Number) row[0]).longValue(), id -> new java.util.ArrayList<>())
                .add(((Number) row[1]).shortValue()));
        return wanted;
    }

    /** The member's role in each of the projects they belong to. */
    public Map<Long, ProjectRole> rolesIn(long memberId, Collection<Long> projectIds) {
        Map<Long, ProjectRole> roles = new HashMap<>();
        if (projectIds.isEmpty()) {
            return roles;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT project_id, role FROM project_members WHERE member_id = :member "
                        + "AND project_id IN (:ids)", Object[].class)
                .setParameter("member", memberId).setParameter("ids", projectIds).getResultList();
        rows.forEach(row -> roles.put(((Number) row[0]).longValue(), ProjectRole.valueOf(row[1].toString())));
        return roles;
    }

    /** The projects the member belongs to, most recently active first. */
    public List<Project> projectsOf(long memberId, int limit) {
        return em.createQuery("SELECT p FROM Project p WHERE p.id IN "
                        + "(SELECT m.projectId FROM ProjectMemberRow m WHERE m.memberId = :member) ORDER BY p.updatedAt DESC", Project.class)
                .setParameter("member", memberId).setMaxResults(limit).getResultList();
    }

    /** Public projects, most recently active first; only those looking for the instrument when one is given. */
    public List<Project> publicProjects(Short lookingFor, int limit) {
        String filter = lookingFor == null ? "" : " AND :instrument MEMBER OF p.wantedInstruments";
        var query = em.createQuery("SELECT p FROM Project p WHERE p.visibility = com.soundhub.recordings.Visibility.PUBLIC"
                + filter + " ORDER BY p.updatedAt DESC, p.id DESC", Project.class).setMaxResults(limit);
        if (lookingFor != null) {
            query.setParameter("instrument", lookingFor);
        }
        return query.getResultList();
    }

    /** Any project whose title holds {@code words} (every project when empty), newest first, older than {@code beforeId}. */
    public List<Project> administered(String words, long beforeId, int limit) {
        var select = em.createQuery("SELECT p FROM Project p WHERE p.id < :before"
                        + (words.isEmpty() ? "" : " AND lower(p.title) LIKE :words") + " ORDER BY p.id DESC", Project.class)
                .setParameter("before", beforeId)
                .setMaxResults(limit);
        if (!words.isEmpty()) {
            select.setParameter("words", Like.containing(words.toLowerCase(java.util.Locale.ROOT)));
        }
        return select.getResultList();
    }

    /** How many projects there are, and how many of them a moderator hid. */
    public Object[] counts() {
        return (Object[]) em.createNativeQuery("SELECT count(*), count(*) FILTER (WHERE hidden_reason IS NOT NULL) FROM projects")
                .getSingleResult();
    }

    /** Public projects whose title or description holds all the words. */
    public List<Project> search(String words, int limit) {
        return em.createQuery("SELECT p FROM Project p WHERE p.visibility = com.soundhub.recordings.Visibility.PUBLIC "
                        + "AND (lower(p.title) LIKE :words OR lower(p.description) LIKE :words) ORDER BY p.updatedAt DESC", Project.class)
                .setParameter("words", Like.containing(words.toLowerCase()))
                .setMaxResults(limit).getResultList();
    }

    public void invite(long projectId, long memberId, ProjectRole role, long invitedBy) {
        em.createNativeQuery("INSERT INTO project_invitations (project_id, member_id, role, invited_by) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, projectId).setParameter(2, memberId).setParameter(3, role.name()).setParameter(4, invitedBy)
                .executeUpdate();
    }

    public Optional<Invitation> invitation(long id) {
        return invitations("id = ?1", id).stream().findFirst();
    }

    public Optional<Invitation> invitation(long projectId, long memberId) {
        return invitationsTo(projectId).stream().filter(invitation -> invitation.memberId() == memberId).findFirst();
    }

    public List<Invitation> invitationsFor(long memberId) {
        return invitations("member_id = ?1", memberId);
    }

    public List<Invitation> invitationsTo(long projectId) {
        return invitations("project_id = ?1", projectId);
    }

    private List<Invitation> invitations(String condition, long value) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, project_id, member_id, role, invited_by, created_at "
                        + "FROM project_invitations WHERE " + condition + " ORDER BY created_at", Object[].class)
                .setParameter(1, value).getResultList();
        return rows.stream().map(row -> new Invitation(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ProjectRole.valueOf(row[3].toString()), ((Number) row[4]).longValue(),
                SqlTimes.instant(row[5]))).toList();
    }

    public void deleteInvitation(long id) {
        em.createNativeQuery("DELETE FROM project_invitations WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    public void record(long projectId, long actorId, String summary) {
        em.createNativeQuery("INSERT INTO project_activity (project_id, actor_id, summary) VALUES (?1, ?2, ?3)")
                .setParameter(1, projectId).setParameter(2, actorId)
                .setParameter(3, summary.length() > 300 ? summary.substring(0, 299) + "…" : summary).executeUpdate();
    }

    public List<Activity> activity(long projectId, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT actor_id, summary, at FROM project_activity WHERE project_id = ?1 "
                        + "ORDER BY id DESC", Object[].class)
                .setParameter(1, projectId).setMaxResults(limit).getResultList();
        return rows.stream().map(row -> new Activity(((Number) row[0]).longValue(), row[1].toString(), SqlTimes.instant(row[2]))).toList();
    }

}
