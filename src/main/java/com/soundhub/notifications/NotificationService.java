package com.soundhub.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.soundhub.accounts.Member;
import com.soundhub.accounts.MemberDeleted;
import com.soundhub.comments.CommentPosted;
import com.soundhub.follows.MemberFollowed;
import com.soundhub.likes.RecordingLiked;
import com.soundhub.messages.MessageSent;
import com.soundhub.projects.ProjectInvited;
import com.soundhub.projects.ProjectProposed;
import com.soundhub.projects.ProposalDecided;
import com.soundhub.projects.ProposalState;
import com.soundhub.recordings.Recording;
import com.soundhub.reports.MemberWarned;
import com.soundhub.reports.ReportsHandled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Notifications, raised by the other features' CDI events inside their transactions: a like, a
 * comment or a follow and its notification are stored together or not at all. Nobody is notified
 * of their own doing.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    static final int PAGE_SIZE = 30;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public void onLike(@Observes RecordingLiked like) {
        notify(like.recordingOwnerId(), NotificationKind.LIKE, like.likerId(), like.recordingId(), null);
    }

    public void onComment(@Observes CommentPosted comment) {
        notify(comment.recordingOwnerId(), NotificationKind.COMMENT, comment.authorId(), comment.recordingId(),
                comment.commentId());
        if (comment.repliedToAuthorId() != null && comment.repliedToAuthorId() != comment.recordingOwnerId()) {
            notify(comment.repliedToAuthorId(), NotificationKind.REPLY, comment.authorId(), comment.recordingId(),
                    comment.commentId());
        }
    }

    public void onFollow(@Observes MemberFollowed follow) {
        notify(follow.followeeId(), NotificationKind.FOLLOW, follow.followerId(), null, null);
    }

    public void onMessage(@Observes MessageSent message) {
        notify(message.recipientId(), NotificationKind.MESSAGE, message.senderId(), null, null);
    }

    /** An invitation to a project leads to the invited member's list of projects and invitations. */
    public void onProjectInvitation(@Observes ProjectInvited invitation) {
        if (invitation.memberId() == invitation.invitedBy()) {
            return;
        }
        String title = invitation.projectTitle();
        em.persist(new Notification(invitation.memberId(), NotificationKind.INVITATION,
                em.getReference(Member.class, invitation.invitedBy()),
                shortTitle(title), "/projects/mine",
                "as " + invitation.role().getLabel().toLowerCase(java.util.Locale.ROOT), clock.instant()));
    }

    /** A take proposed to a project: each of its members is told, and led to the proposal. */
    public void onProposal(@Observes ProjectProposed proposed) {
        String path = "/projects/" + proposed.projectPublicId() + "/proposals/" + proposed.number();
        for (long member : proposed.memberIds()) {
            if (member != proposed.proposerId()) {
                em.persist(new Notification(member, NotificationKind.PROPOSAL, em.getReference(Member.class, proposed.proposerId()),
                        shortTitle(proposed.projectTitle()), path, "#" + proposed.number(), clock.instant()));
            }
        }
    }

    /** The proposer learns whether their take was accepted or declined. */
    public void onProposalDecided(@Observes ProposalDecided decided) {
        if (decided.proposerId() == decided.decidedBy()) {
            return;
        }
        String detail = decided.state() == ProposalState.ACCEPTED ? "accepted as r" + decided.revision() : "declined";
        em.persist(new Notification(decided.proposerId(), NotificationKind.DECISION,
                em.getReference(Member.class, decided.decidedBy()), shortTitle(decided.projectTitle()),
                "/projects/" + decided.projectPublicId() + "/proposals/" + decided.number(), detail, clock.instant()));
    }

    /** A moderator's warning, in their words. */
    public void onWarning(@Observes MemberWarned warning) {
        em.persist(new Notification(warning.memberId(), NotificationKind.WARNING, em.getReference(Member.class, warning.moderatorId()),
                shortTitle(warning.message()), "/notifications", "from the moderators", clock.instant()));
    }

    /** Each reporter learns what came of their report. */
    public void onReportsHandled(@Observes ReportsHandled handled) {
        for (long reporter : handled.reporterIds()) {
            em.persist(new Notification(reporter, NotificationKind.REPORT, em.getReference(Member.class, handled.moderatorId()),
                    shortTitle(handled.what()), "/notifications", handled.outcome(), clock.instant()));
        }
    }

    /** A deleted member's notifications go with their account. */
    public void onMemberDeleted(@Observes MemberDeleted deletion) {
        em.createQuery("DELETE FROM Notification n WHERE n.recipientId = :member")
                .setParameter("member", deletion.memberId()).executeUpdate();
    }

    private static String shortTitle(String title) {
        return title.length() > 200 ? title.substring(0, 199) + "…" : title;
    }

    private void notify(long recipientId, NotificationKind kind, long actorId, Long recordingId, Long commentId) {
        if (recipientId == actorId) {
            return;
        }
        em.persist(new Notification(recipientId, kind, em.getReference(Member.class, actorId),
                recordingId == null ? null : em.getReference(Recording.class, recordingId), commentId, clock.instant()));
    }

    /** The member's notifications, newest first, from before {@code beforeId} if given. */
    public List<Notification> recent(long memberId, Optional<Long> beforeId) {
        return em.createQuery("SELECT n FROM Notification n JOIN FETCH n.actor LEFT JOIN FETCH n.recording "
                        + "WHERE n.recipientId = :member AND n.id < :before ORDER BY n.id DESC", Notification.class)
                .setParameter("member", memberId)
                .setParameter("before", beforeId.orElse(Long.MAX_VALUE))
                .setMaxResults(PAGE_SIZE + 1)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCount(long memberId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM notifications WHERE recipient_id = ?1 AND read_at IS NULL")
                .setParameter(1, memberId).getSingleResult()).longValue();
    }

    public int markAllRead(long memberId) {
        return em.createNativeQuery("UPDATE notifications SET read_at = now() WHERE recipient_id = ?1 AND read_at IS NULL")
                .setParameter(1, memberId).executeUpdate();
    }

    /** Marks one notification read; someone else's is left alone, as if it did not exist. */
    public boolean markRead(long memberId, long notificationId) {
        return em.createNativeQuery("UPDATE notifications SET read_at = now() WHERE id = ?1 AND recipient_id = ?2 "
                        + "AND read_at IS NULL")
                .setParameter(1, notificationId).setParameter(2, memberId).executeUpdate() > 0;
    }
}
