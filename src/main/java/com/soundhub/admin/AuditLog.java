package com.soundhub.admin;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.soundhub.accounts.MemberAdministration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writing and reading the audit log. Writing joins the action's transaction: no action without its entry. */
@ApplicationScoped
@Transactional
public class AuditLog {

    static final int PAGE = 50;
    private static final int EXPORT_BATCH = 1000;

    @Inject
    AuditRepository entries;

    @Inject
    MemberAdministration administration;

    /** Writes an entry for an action {@code adminId} took. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long adminId, String action, String targetKind, String targetRef, String targetLabel, String reason) {
        String nickname = administration.requireAdmin(adminId).getNickname();
        entries.add(adminId, nickname, action, targetKind, targetRef, targetLabel, reason);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> search(long adminId, AuditRepository.Filter filter, long beforeId) {
        administration.requireAdmin(adminId);
        return entries.search(filter, beforeId, PAGE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> actions(long adminId) {
        administration.requireAdmin(adminId);
        return entries.actions();
    }

    /** Every entry matching the filter as CSV (RFC 4180), newest first, read a batch at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void exportCsv(long adminId, AuditRepository.Filter filter, Writer out) throws IOException {
        administration.requireAdmin(adminId);
        out.write("id,at,admin,action,target_kind,target_ref,target,reason\r\n");
        long before = Long.MAX_VALUE;
        while (true) {
            List<AuditEntry> batch = entries.search(filter, before, EXPORT_BATCH);
            for (AuditEntry entry : batch) {
                out.write(String.join(",", String.valueOf(entry.id()), entry.at().toString(), csv(entry.admin()), csv(entry.action()),
                        csv(entry.targetKind()), csv(entry.targetRef()), csv(entry.targetLabel()), csv(entry.reason())));
                out.write("\r\n");
            }
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            before = batch.get(batch.size() - 1).id();
        }
        out.flush();
    }

    /** A CSV field, quoted when needed; a leading =, +, - or @ is defused so that spreadsheets do not run it. */
    static String csv(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
