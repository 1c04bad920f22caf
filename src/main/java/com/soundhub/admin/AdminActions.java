package com.soundhub.admin;

import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.soundhub.accounts.MemberAdministration;
import com.soundhub.accounts.Role;
import com.soundhub.comments.CommentService;
import com.soundhub.jobs.Jobs;
import com.soundhub.messages.MessageService;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.projects.ProjectService;
import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingService;
import com.soundhub.reports.ReportService;
import com.soundhub.reports.ReportTarget;
import com.soundhub.site.SiteSettings;
import com.soundhub.site.SiteSettingsService;
import com.soundhub.taxonomy.TaxonomyEditor;
import com.soundhub.taxonomy.TaxonomyTerm;
import com.soundhub.taxonomy.TermKind;
import com.soundhub.uploads.UploadService;
import com.soundhub.uploads.UploadStatus;
import com.soundhub.web.PublicPageNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Every admin action, each done by the feature that owns what it changes (which checks the admin
 * role again) and written to the audit log in the same transaction.
 */
@ApplicationScoped
@Transactional
public class AdminActions {

    @Inject
    MemberAdministration members;

    @Inject
    RecordingService recordings;

    @Inject
    ReportService reports;

    @Inject
    AuditLog audit;

    @Inject
    Jobs jobs;

    @Inject
    SiteSettingsService site;

    @Inject
    TaxonomyEditor taxonomy;

    @Inject
    UploadService uploads;

    @Inject
    CommentService comments;

    @Inject
    ProjectService projects;

    @Inject
    MessageService messages;

    @Inject
    PublicPageNotices pageNotices;

    public MemberAdministration.MemberRow suspend(long adminId, long memberId, String reason) {
        MemberAdministration.MemberRow member = members.suspend(adminId, memberId, reason);
        audit.record(adminId, "member.suspend", "MEMBER", String.valueOf(memberId), member.nickname(), reason);
        return member;
    }

    /** Deletes the member's account; {@code removeContent} removes what they made, otherwise it stays, credited to a former member. */
    public String deleteMember(long adminId, long memberId, boolean removeContent, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new RuleViolation("reason", "Say why the account is deleted: the audit log keeps it.");
        }
        if (why.length() > 500) {
            throw new RuleViolation("reason", "A reason can be at most 500 characters long.");
        }
        String nickname = members.delete(adminId, memberId, removeContent);
        audit.record(adminId, removeContent ? "member.delete-with-content" : "member.delete-keep-content", "MEMBER",
                String.valueOf(memberId), nickname, why);
        return nickname;
    }

    public MemberAdministration.MemberRow reinstate(long adminId, long memberId, String reason) {
        MemberAdministration.MemberRow member = members.reinstate(adminId, memberId);
        audit.record(adminId, "member.reinstate", "MEMBER", String.valueOf(memberId), member.nickname(), reason);
        return member;
    }

    public MemberAdministration.MemberRow changeRole(long adminId, long memberId, Role role, String reason) {
        MemberAdministration.MemberRow member = members.changeRole(adminId, memberId, role);
        audit.record(adminId, role == Role.ADMIN ? "member.grant-admin" : "member.revoke-admin", "MEMBER", String.valueOf(memberId),
                member.nickname(), reason);
        return member;
    }

    public Recording hideRecording(long adminId, String publicId, String reason) {
        Recording recording = recordings.hide(adminId, publicId, reason);
        audit.record(adminId, "recording.hide", "RECORDING", publicId, recording.getTitle(), reason);
        return recording;
    }

    /** Hides several recordings at once (twenty spam uploads), each audited; returns how many were hidden. */
    public int hideRecordings(long adminId, List<String> publicIds, String reason) {
        if (publicIds.isEmpty()) {
            throw new RuleViolation("ids", "Choose the recordings to hide.");
        }
        if (publicIds.size() > 100) {
            throw new RuleViolation("ids", "Hide at most 100 recordings at once.");
        }
        publicIds.forEach(publicId -> hideRecording(adminId, publicId, reason));
        return publicIds.size();
    }

    /** Hides several comments at once, each audited; returns how many were hidden. */
    public int hideComments(long adminId, List<Long> commentIds, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (commentIds.isEmpty()) {
            throw new RuleViolation("ids", "Choose the comments to hide.");
        }
        if (commentIds.size() > 100) {
            throw new RuleViolation("ids", "Hide at most 100 comments at once.");
        }
        if (why.isEmpty() || why.length() > 500) {
            throw new RuleViolation("reason", "Say why in at most 500 characters: the audit log keeps it.");
        }
        for (long id : commentIds) {
            String label = comments.hideForAdmin(adminId, id, why);
            audit.record(adminId, "comment.hide", "COMMENT", String.valueOf(id), label, why);
        }
        return commentIds.size();
    }

    public void unhideComment(long adminId, long commentId, String reason) {
        String label = comments.hideForAdmin(adminId, commentId, null);
        audit.record(adminId, "comment.unhide", "COMMENT", String.valueOf(commentId), label, reason == null ? "" : reason.strip());
    }

    /** Deletes several comments at once (twenty spam comments), each audited; returns how many were deleted. */
    public int deleteComments(long adminId, List<Long> commentIds, String reason) {
        if (commentIds.isEmpty()) {
            throw new RuleViolation("ids", "Choose the comments to delete.");
        }
        if (commentIds.size() > 100) {
            throw new RuleViolation("ids", "Delete at most 100 comments at once.");
        }
        for (long id : commentIds) {
            String label = comments.deleteForAdmin(adminId, id);
            audit.record(adminId, "comment.delete", "COMMENT", String.valueOf(id), label, reason == null ? "" : reason.strip());
        }
        return commentIds.size();
    }

    /** Deletes several recordings at once, each audited; their stored audio is deleted by a job. */
    public int deleteRecordings(long adminId, List<String> publicIds, String reason) {
        if (publicIds.isEmpty()) {
            throw new RuleViolation("ids", "Choose the recordings to delete.");
        }
        if (publicIds.size() > 100) {
            throw new RuleViolation("ids", "Delete at most 100 recordings at once.");
        }
        for (String publicId : publicIds) {
            String title = recordings.deleteForAdmin(adminId, publicId);
            audit.record(adminId, "recording.delete", "RECORDING", publicId, title, reason == null ? "" : reason.strip());
        }
        return publicIds.size();
    }

    /** Deletes projects, each audited; contents no other project holds are deleted with them. */
    public int deleteProjects(long adminId, List<String> publicIds, String reason) {
        if (publicIds.isEmpty()) {
            throw new RuleViolation("ids", "Choose the projects to delete.");
        }
        if (publicIds.size() > 20) {
            throw new RuleViolation("ids", "Delete at most 20 projects at once.");
        }
        for (String publicId : publicIds) {
            String title = projects.deleteForAdmin(adminId, publicId);
            audit.record(adminId, "project.delete", "PROJECT", publicId, title, reason == null ? "" : reason.strip());
        }
        return publicIds.size();
    }

    /** Hides projects from everyone but their members (who see why) and admins, each audited. */
    public int hideProjects(long adminId, List<String> publicIds, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (publicIds.isEmpty()) {
            throw new RuleViolation("ids", "Choose the projects to hide.");
        }
        if (publicIds.size() > 20) {
            throw new RuleViolation("ids", "Hide at most 20 projects at once.");
        }
        if (why.isEmpty() || why.length() > 500) {
            throw new RuleViolation("reason", "Say why in at most 500 characters: the project's members are shown it.");
        }
        for (String publicId : publicIds) {
            String title = projects.hideForAdmin(adminId, publicId, why);
            audit.record(adminId, "project.hide", "PROJECT", publicId, title, why);
        }
        return publicIds.size();
    }

    public void unhideProject(long adminId, String publicId, String reason) {
        String title = projects.unhideForAdmin(adminId, publicId);
        audit.record(adminId, "project.unhide", "PROJECT", publicId, title, reason == null ? "" : reason.strip());
    }

    public Recording unhideRecording(long adminId, String publicId, String reason) {
        Recording recording = recordings.unhide(adminId, publicId);
        audit.record(adminId, "recording.unhide", "RECORDING", publicId, recording.getTitle(), reason);
        return recording;
    }

    /** Closes a thing's open reports as dismissed: nothing wrong with it. */
    public int dismissReports(long adminId, ReportTarget target, String ref, String label, String reason) {
        int closed = reports.handle(adminId, target, ref, false, "no action was needed");
        audit.record(adminId, "reports.dismiss", target.name(), ref, label, reason);
        return closed;
    }

    /** Hides a reported recording and closes its reports as acted on. */
    public int hideReported(long adminId, String publicId, String label, String reason) {
        hideRecording(adminId, publicId, reason);
        return reports.handle(adminId, ReportTarget.RECORDING, publicId, true, "it was hidden");
    }

    /** Deletes a reported comment or message and closes its reports as acted on. */
    public int deleteReported(long adminId, ReportTarget target, String ref, String label, String reason) {
        if (!ref.matches("[0-9]{1,18}") || (target != ReportTarget.COMMENT && target != ReportTarget.MESSAGE)) {
            throw new RuleViolation(null, "Only comments and messages are deleted from the queue; hide a recording instead.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new RuleViolation("reason", "Say why it is deleted: the audit log keeps it.");
        }
        long id = Long.parseLong(ref);
        String deleted = target == ReportTarget.COMMENT ? comments.deleteForAdmin(adminId, id) : messages.deleteForAdmin(adminId, id);
        audit.record(adminId, target == ReportTarget.COMMENT ? "comment.delete" : "message.delete", target.name(), ref, deleted, why);
        return reports.handle(adminId, target, ref, true, "it was deleted");
    }

    /** Warns the owner of a reported thing and closes its reports as acted on. */
    public int warnOwner(long adminId, ReportTarget target, String ref, String label, String message) {
        String owner = reports.ownerOf(adminId, target, ref)
                .orElseThrow(() -> new RuleViolation(null, "Whoever this belonged to is gone; dismiss the reports instead."));
        MemberAdministration.MemberRow member = members.member(adminId, owner);
        reports.warn(adminId, member.id(), message);
        audit.record(adminId, "member.warn", "MEMBER", String.valueOf(member.id()), member.nickname(), message);
        int closed = reports.handle(adminId, target, ref, true, "its owner was warned");
        audit.record(adminId, "reports.action", target.name(), ref, label, "warned " + member.nickname());
        return closed;
    }

    /** Runs a job again now (a dead one gets another go). */
    public void retryJob(long adminId, String kind, String instance, String reason) {
        members.requireAdmin(adminId);
        jobs.moveToNow(TaskInstanceId.of(kind, instance));
        audit.record(adminId, "job.retry", "JOB", cut(kind + "/" + instance), kind, reason);
    }

    /** Gives a dead upload a fresh set of attempts. */
    public void retryUpload(long adminId, UUID uploadId) {
        UploadStatus status = uploads.retryForAdmin(adminId, uploadId);
        audit.record(adminId, "upload.retry", "UPLOAD", uploadId.toString(), status.title(), "");
    }

    /** Takes a job that is not running out of the queue. */
    public void cancelJob(long adminId, String kind, String instance, String reason) {
        members.requireAdmin(adminId);
        boolean running = jobs.list(kind, "running", 10_000).stream().anyMatch(job -> job.instance().equals(instance));
        if (running) {
            throw new RuleViolation(null, "That job is running now; it cannot be cancelled.");
        }
        jobs.cancel(TaskInstanceId.of(kind, instance));
        audit.record(adminId, "job.cancel", "JOB", cut(kind + "/" + instance), kind, reason);
    }

    /** Saves the site settings; the audit entry says what changed, and why when the admin says. */
    public SiteSettings saveSettings(long adminId, SiteSettings settings, String note) {
        members.requireAdmin(adminId);
        SiteSettings before = site.current();
        SiteSettings after = site.save(settings);
        // The announcement is on every page, the ones kept for visitors too.
        pageNotices.everythingChanged();
        String changes = SettingsChanges.between(before, after);
        audit.record(adminId, "settings.save", "SITE", "settings", "Site settings",
                note == null || note.isBlank() ? changes : changes + " (" + note.strip() + ")");
        return after;
    }

    public TaxonomyTerm createTerm(long adminId, TermKind kind, String name) {
        members.requireAdmin(adminId);
        TaxonomyTerm term = taxonomy.create(kind, name);
        audit.record(adminId, "taxonomy.create", kind.name(), String.valueOf(term.getId()), term.getName(), "");
        return term;
    }

    public TaxonomyTerm renameTerm(long adminId, TermKind kind, short id, String name) {
        members.requireAdmin(adminId);
        String before = taxonomy.all(kind).stream().filter(term -> term.getId() == id).map(TaxonomyTerm::getName).findFirst().orElse("");
        TaxonomyTerm term = taxonomy.rename(kind, id, name);
        pageNotices.everythingChanged();
        audit.record(adminId, "taxonomy.rename", kind.name(), String.valueOf(id), term.getName(), "was \u201c" + before + "\u201d");
        return term;
    }

    public TaxonomyTerm moveTerm(long adminId, TermKind kind, short id, int direction) {
        members.requireAdmin(adminId);
        TaxonomyTerm term = taxonomy.move(kind, id, direction);
        audit.record(adminId, "taxonomy.move", kind.name(), String.valueOf(id), term.getName(), direction < 0 ? "up" : "down");
        return term;
    }

    /** Merges {@code fromId} into {@code intoId}: every recording, project and member tagged with it moves. */
    public TaxonomyTerm mergeTerms(long adminId, TermKind kind, short fromId, short intoId) {
        members.requireAdmin(adminId);
        String from = taxonomy.all(kind).stream().filter(term -> term.getId() == fromId).map(TaxonomyTerm::getName).findFirst().orElse("");
        TaxonomyTerm into = taxonomy.merge(kind, fromId, intoId);
        pageNotices.everythingChanged();
        audit.record(adminId, "taxonomy.merge", kind.name(), String.valueOf(intoId), into.getName(),
                "merged \u201c" + from + "\u201d (" + fromId + ") into it");
        return into;
    }

    private static String cut(String ref) {
        return ref.length() > 64 ? ref.substring(0, 64) : ref;
    }
}
