package com.soundhub.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.Member;
import com.soundhub.accounts.MemberAdministration;
import com.soundhub.comments.CommentService;
import com.soundhub.messages.MessageService;
import com.soundhub.limits.LimitedAction;
import com.soundhub.limits.RateLimiter;
import com.soundhub.platform.database.SqlTimes;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.RecordingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Reports of recordings, comments, members and messages, kept for the back office. Only what the reporter can
 * see can be reported; one open report per member and thing.
 */
@ApplicationScoped
@Transactional
public class ReportService {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    RecordingService recordings;

    @Inject
    AccountService accounts;

    @Inject
    RateLimiter limits;

    @Inject
    CommentService comments;

    @Inject
    MessageService messages;

    @Inject
    MemberAdministration administration;

    @Inject
    Event<ReportsHandled> handled;

    @Inject
    Event<MemberWarned> warned;

    /** A short description of the reported thing, for the form; "not found" if it is not there. */
    public String describe(ReportTarget target, String ref, long reporterId) {
        return switch (target) {
            case RECORDING -> "the recording \u201c" + recordings.viewable(ref, Optional.of(reporterId)).getTitle() + "\u201d";
            case MEMBER -> "the member " + accounts.profile(ref).orElseThrow(NotFound::new).getNickname();
            case COMMENT -> "a comment by " + commentAuthor(ref, reporterId);
            case MESSAGE -> "a message from " + messages.senderOfReceived(numeric(ref), reporterId);
        };
    }

    public void report(long reporterId, ReportTarget target, String ref, ReportReason reason, String details) {
        describe(target, ref, reporterId);
        boolean alreadyOpen = !em.createNativeQuery("SELECT 1 FROM reports WHERE reporter_id = ?1 AND target_kind = ?2 "
                        + "AND target_ref = ?3 AND status = 'OPEN'")
                .setParameter(1, reporterId).setParameter(2, target.name()).setParameter(3, ref)
                .getResultList().isEmpty();
        if (alreadyOpen) {
            throw new RuleViolation("_form", "You have reported this already; the moderators will look at it.");
        }
        limits.consume(reporterId, LimitedAction.REPORT);
        em.createNativeQuery("INSERT INTO reports (reporter_id, target_kind, target_ref, reason, details) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, reporterId).setParameter(2, target.name()).setParameter(3, ref)
                .setParameter(4, reason.name()).setParameter(5, details == null ? "" : details.strip())
                .executeUpdate();
    }

    // ---- Moderation ----

    /** The open reports of one thing, together: how many, why, what reporters wrote, since when. */
    public record ReportedThing(ReportTarget target, String ref, String label, String link, long reports, List<String> reasons,
                                List<String> details, Instant firstReportedAt) {
    }

    /** Open reports grouped by what they are about, the longest waiting first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportedThing> queue(long moderatorId, int limit) {
        administration.requireAdmin(moderatorId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT target_kind, target_ref, count(*), string_agg(DISTINCT reason, ','), "
                        + "array_to_string(array_agg(details ORDER BY created_at) FILTER (WHERE details <> ''), chr(31)), min(created_at) "
                        + "FROM reports WHERE status = 'OPEN' GROUP BY target_kind, target_ref ORDER BY min(created_at), target_kind, target_ref "
                        + "LIMIT ?1").setParameter(1, limit).getResultList();
        List<ReportedThing> things = new ArrayList<>();
        for (Object[] row : rows) {
            ReportTarget target = ReportTarget.valueOf(row[0].toString());
            String ref = row[1].toString();
            String details = row[4] == null ? "" : row[4].toString();
            things.add(new ReportedThing(target, ref, label(target, ref, moderatorId), link(target, ref), ((Number) row[2]).longValue(),
                    Arrays.stream(row[3].toString().split(",")).map(reason -> ReportReason.valueOf(reason).getLabel()).toList(),
                    details.isEmpty() ? List.of() : List.of(details.split("\u001f")), SqlTimes.instant(row[5])));
        }
        return things;
    }

    /** One report as a member's page in the back office lists it. */
    public record ReportLine(ReportTarget target, String ref, String link, String reason, String details, String status,
                             String reporter, Instant at) {
    }

    /**
     * The reports {@code memberId} filed and the reports about them (about them as a member, or
     * about any of {@code theirRecordings}), newest first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportLine> byAndAbout(long moderatorId, long memberId, String nickname, List<String> theirRecordings, int limit) {
        administration.requireAdmin(moderatorId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.target_kind, r.target_ref, r.reason, r.details, r.status, r.created_at, "
                        + "r.reporter_id FROM reports r WHERE r.reporter_id = ?1 OR (r.target_kind = 'MEMBER' AND r.target_ref = ?2) "
                        + "OR (r.target_kind = 'RECORDING' AND r.target_ref = ANY (CAST(?3 AS varchar[]))) "
                        + "ORDER BY r.created_at DESC, r.id DESC LIMIT ?4")
                .setParameter(1, memberId).setParameter(2, nickname)
                .setParameter(3, "{" + String.join(",", theirRecordings) + "}").setParameter(4, limit)
                .getResultList();
        List<ReportLine> lines = new ArrayList<>();
        for (Object[] row : rows) {
            ReportTarget target = ReportTarget.valueOf(row[0].toString());
            long reporterId = ((Number) row[6]).longValue();
            lines.add(new ReportLine(target, row[1].toString(), link(target, row[1].toString()),
                    ReportReason.valueOf(row[2].toString()).getLabel(), row[3].toString(), row[4].toString(),
                    reporterId == memberId ? nickname : accounts.member(reporterId).map(Member::getNickname).orElse("a former member"), SqlTimes.instant(row[5])));
        }
        return lines;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long openCount() {
        return ((Number) em.createNativeQuery("SELECT count(DISTINCT (target_kind, target_ref)) FROM reports WHERE status = 'OPEN'")
                .getSingleResult()).longValue();
    }

    /**
     * Closes every open report of the thing, as acted on or dismissed; each reporter is told
     * {@code outcome}. Returns how many reports were closed.
     */
    public int handle(long moderatorId, ReportTarget target, String ref, boolean actedOn, String outcome) {
        administration.requireAdmin(moderatorId);
        @SuppressWarnings("unchecked")
        List<Number> reporters = em.createNativeQuery("UPDATE reports SET status = ?1, handled_by = ?2, handled_at = now() "
                        + "WHERE target_kind = ?3 AND target_ref = ?4 AND status = 'OPEN' RETURNING reporter_id")
                .setParameter(1, actedOn ? "ACTIONED" : "DISMISSED").setParameter(2, moderatorId)
                .setParameter(3, target.name()).setParameter(4, ref).getResultList();
        if (!reporters.isEmpty()) {
            handled.fire(new ReportsHandled(reporters.stream().map(Number::longValue).distinct().toList(), moderatorId,
                    "the " + target.getLabel() + " you reported", outcome));
        }
        return reporters.size();
    }

    /** Warns a member with the moderators' words, as a notification. */
    public void warn(long moderatorId, long memberId, String message) {
        administration.requireAdmin(moderatorId);
        String words = message == null ? "" : message.strip();
        if (words.isEmpty() || words.length() > 300) {
            throw new RuleViolation("message", "Write the warning in at most 300 characters.");
        }
        warned.fire(new MemberWarned(memberId, moderatorId, words));
    }

    /** Who a reported thing belongs to: the recording's owner, the comment's author or the member. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> ownerOf(long moderatorId, ReportTarget target, String ref) {
        administration.requireAdmin(moderatorId);
        try {
            return switch (target) {
                case RECORDING -> Optional.of(recordings.viewable(ref, Optional.empty()).getOwner().getNickname());
                case MEMBER -> accounts.profile(ref).map(member -> member.getNickname());
                case COMMENT -> ref.matches("[0-9]{1,18}") ? comments.authorOf(Long.parseLong(ref), moderatorId) : Optional.empty();
                case MESSAGE -> messages.reported(moderatorId, numeric(ref)).map(MessageService.ReportedMessage::sender)
                        .filter(sender -> !sender.equals("a former member"));
            };
        } catch (NotFound gone) {
            return Optional.empty();
        }
    }

    private String label(ReportTarget target, String ref, long moderatorId) {
        try {
            if (target == ReportTarget.MESSAGE) {
                // The moderators read what the recipient reported: they cannot act on it otherwise.
                return messages.reported(moderatorId, numeric(ref))
                        .map(message -> "a message from " + message.sender() + ": \u201c" + message.body() + "\u201d")
                        .orElseThrow(NotFound::new);
            }
            return describe(target, ref, moderatorId);
        } catch (NotFound gone) {
            return "the " + target.getLabel() + " " + ref + " (gone, hidden or private)";
        }
    }

    private static String link(ReportTarget target, String ref) {
        return switch (target) {
            case RECORDING -> "/recordings/" + ref;
            case MEMBER -> "/members/" + ref;
            case COMMENT, MESSAGE -> null;
        };
    }

    private static long numeric(String ref) {
        if (ref == null || !ref.matches("[0-9]{1,18}")) {
            throw new NotFound();
        }
        return Long.parseLong(ref);
    }

    private String commentAuthor(String ref, long reporterId) {
        if (!ref.matches("[0-9]{1,18}")) {
            throw new NotFound();
        }
        return comments.authorOf(Long.parseLong(ref), reporterId).orElseThrow(NotFound::new);
    }
}
