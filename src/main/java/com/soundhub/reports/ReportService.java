package com.soundhub.reports;

import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.comments.CommentService;
import com.soundhub.limits.LimitedAction;
import com.soundhub.limits.RateLimiter;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.RecordingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Reports of recordings, comments and members, kept for the back office. Only what the reporter can
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

    /** A short description of the reported thing, for the form; "not found" if it is not there. */
    public String describe(ReportTarget target, String ref, long reporterId) {
        return switch (target) {
            case RECORDING -> "the recording \u201c" + recordings.viewable(ref, Optional.of(reporterId)).getTitle() + "\u201d";
            case MEMBER -> "the member " + accounts.profile(ref).orElseThrow(NotFound::new).getNickname();
            case COMMENT -> "a comment by " + commentAuthor(ref, reporterId);
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

    private String commentAuthor(String ref, long reporterId) {
        if (!ref.matches("[0-9]{1,18}")) {
            throw new NotFound();
        }
        return comments.authorOf(Long.parseLong(ref), reporterId).orElseThrow(NotFound::new);
    }
}
