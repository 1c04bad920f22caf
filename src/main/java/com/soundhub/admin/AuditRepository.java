package com.soundhub.admin;

import java.util.List;

import com.soundhub.platform.database.Like;
import com.soundhub.platform.database.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The audit log's rows; the database refuses to change or delete them. */
@ApplicationScoped
public class AuditRepository {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    /** What a search of the log is narrowed to; empty strings mean "any". */
    public record Filter(String text, String action, String targetKind, String targetRef) {

        static final Filter ALL = new Filter("", "", "", "");
    }

    public void add(long adminId, String adminNickname, String action, String targetKind, String targetRef, String targetLabel,
                    String reason) {
        em.createNativeQuery("INSERT INTO admin_audit (admin_id, admin_nickname, action, target_kind, target_ref, target_label, reason) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, adminId).setParameter(2, adminNickname).setParameter(3, action).setParameter(4, targetKind)
                .setParameter(5, targetRef).setParameter(6, cut(targetLabel, 200)).setParameter(7, cut(reason, 2000)).executeUpdate();
    }

    /** Entries matching the filter, newest first, older than {@code beforeId} (keyset pages). */
    @SuppressWarnings("unchecked")
    public List<AuditEntry> search(Filter filter, long beforeId, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, at, admin_nickname, action, target_kind, target_ref, target_label, reason "
                        + "FROM admin_audit WHERE id < ?1 "
                        + "AND (?2 = '' OR admin_nickname ILIKE ?3 OR target_label ILIKE ?3 OR target_ref ILIKE ?3 OR reason ILIKE ?3) "
                        + "AND (?4 = '' OR action = ?4) AND (?5 = '' OR target_kind = ?5) AND (?6 = '' OR target_ref = ?6) "
                        + "ORDER BY id DESC LIMIT ?7")
                .setParameter(1, beforeId).setParameter(2, filter.text())
                .setParameter(3, Like.containing(filter.text()))
                .setParameter(4, filter.action()).setParameter(5, filter.targetKind()).setParameter(6, filter.targetRef())
                .setParameter(7, limit).getResultList();
        return rows.stream().map(row -> new AuditEntry(((Number) row[0]).longValue(), SqlTimes.instant(row[1]), row[2].toString(),
                row[3].toString(), row[4].toString(), row[5].toString(), row[6].toString(), row[7].toString())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<String> actions() {
        return em.createNativeQuery("SELECT DISTINCT action FROM admin_audit ORDER BY action").getResultList();
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
