package com.soundhub.comments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.accounts.Member;
import com.soundhub.accounts.MemberAdministration;
import com.soundhub.accounts.MemberDeleted;
import com.soundhub.accounts.MemberReinstated;
import com.soundhub.accounts.MemberSuspended;
import com.soundhub.platform.database.Like;
import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.paging.Slice;
import com.soundhub.limits.LimitedAction;
import com.soundhub.limits.RateLimiter;
import com.soundhub.platform.rules.NotAllowed;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingService;
import com.soundhub.web.PublicPageNotices;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/**
 * Comments and replies on recordings. Anyone who may hear a recording may comment on it; a comment
 * may be deleted by its author, by the recording's owner and by admins, by nobody else.
 */
@ApplicationScoped
@Transactional
public class CommentService {

    /** Threads shown on a recording page at once; "More comments" shows the next ones. */
    static final int THREADS_PER_PAGE = 20;

    /** Comment moments drawn on the waveform: the newest ones, however many pages of threads there are. */
    static final int MARKERS_SHOWN = 500;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    RecordingService recordings;

    @Inject
    RateLimiter limits;

    @Inject
    Event<CommentPosted> posted;

    @Inject
    MemberAdministration administration;

    @Inject
    PublicPageNotices pageNotices;

    private final Clock clock = Clock.systemUTC();

    public Comment post(String publicId, long authorId, CommentForm form) {
        emailConfirmations.requireConfirmed(authorId);
        Recording recording = recordings.viewable(publicId, Optional.of(authorId));
        Integer atMs = form.atMillis();
        if (atMs != null && recording.getDurationMs() != null && atMs > recording.getDurationMs()) {
            long length = Math.round(recording.getDurationMs() / 1000.0);
            throw new RuleViolation("at", String.format(Locale.ROOT,
                    "That moment is past the end: the recording is %d:%02d long.", length / 60, length % 60));
        }
        if (form.hasSecondsPast59()) {
            throw new RuleViolation("at", "Give the moment as minutes:seconds, like 1:23; seconds go up to 59.");
        }
        Comment parent = null;
        if (form.replyToId() != null) {
            parent = em.find(Comment.class, form.replyToId());
            if (parent == null || parent.getRecordingId() != recording.getId() || parent.isDeleted()) {
                throw new RuleViolation("replyTo", "That comment is gone, so it cannot be answered.");
            }
            // Threads are one level deep: answering a reply answers in its thread.
            if (parent.getParentId() != null) {
                parent = em.find(Comment.class, parent.getParentId());
            }
        }
        limits.consume(authorId, LimitedAction.COMMENT);
        Comment comment = new Comment(recording.getId(), em.getReference(Member.class, authorId),
                parent == null ? null : parent.getId(), parent == null ? atMs : parent.getAtMs(),
                form.getBody().strip(), clock.instant());
        em.persist(comment);
        em.flush();
        recordings.countComment(recording.getId(), recording.getPublicId(), 1);
        Long repliedTo = null;
        if (form.replyToId() != null) {
            repliedTo = em.find(Comment.class, form.replyToId()).getAuthor().getId();
        }
        posted.fire(new CommentPosted(comment.getId(), recording.getId(), recording.getOwner().getId(), authorId, repliedTo));
        return comment;
    }

    /** Deletes a comment for its author, the recording's owner or an admin; anyone else is refused. */
    public void delete(String publicId, long commentId, long memberId, boolean admin) {
        Recording recording = recordings.viewable(publicId, Optional.of(memberId));
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null || comment.isDeleted() || comment.getRecordingId() != recording.getId()) {
            throw new NotFound();
        }
        if (!comment.isWrittenBy(memberId) && !recording.isOwnedBy(memberId) && !admin) {
            throw new NotAllowed("Only the author, the recording's owner and admins may delete a comment.");
        }
        remove(comment, recording.getPublicId());
    }

    /** A suspended member's comments are hidden with them. */
    void hideWithAuthor(@Observes MemberSuspended suspension) {
        showOrHide(suspension.memberId(), true);
    }

    /** A reinstated member's comments come back. */
    void showWithAuthor(@Observes MemberReinstated reinstatement) {
        showOrHide(reinstatement.memberId(), false);
    }

    private void showOrHide(long authorId, boolean hidden) {
        em.createQuery("UPDATE Comment c SET c.hiddenWithAuthor = :hidden WHERE c.author.id = :author")
                .setParameter("hidden", hidden).setParameter("author", authorId).executeUpdate();
        // Comments are on recording pages kept for everyone.
        pageNotices.everythingChanged();
    }

    /**
     * A deleted member's comments go when their content is removed (a comment with replies keeps its
     * place, blanked out); kept ones are shown again if they were hidden with a suspension. Runs
     * before recordings are deleted, as counting needs them.
     */
    void onAuthorDeleted(@Observes @Priority(Interceptor.Priority.APPLICATION) MemberDeleted deletion) {
        if (!deletion.contentRemoved()) {
            showOrHide(deletion.memberId(), false);
            return;
        }
        List<Comment> theirs = em.createQuery("SELECT c FROM Comment c WHERE c.author.id = :author AND c.deletedAt IS NULL "
                        + "ORDER BY c.id DESC", Comment.class)
                .setParameter("author", deletion.memberId())
                .getResultList();
        Map<Long, Integer> removedByRecording = new java.util.HashMap<>();
        for (Comment comment : theirs) {
            // Newest first: a reply of theirs to their own comment goes before the comment it answers.
            long replies = em.createQuery("SELECT count(c) FROM Comment c WHERE c.parentId = :id", Long.class)
                    .setParameter("id", comment.getId()).getSingleResult();
            if (replies > 0) {
                comment.blankOut(clock.instant());
            } else {
                em.remove(comment);
                em.flush();
            }
            removedByRecording.merge(comment.getRecordingId(), 1, Integer::sum);
        }
        recordings.uncountComments(removedByRecording);
    }

    /** A comment as the back office lists it. */
    public record AdministeredComment(long id, String author, String body, Instant createdAt, RecordingService.RecordingLabel recording,
                                      String hiddenReason) {
    }

    /** Comments for the back office whose text or author's nickname contains {@code query}, newest first, keyset-paged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AdministeredComment> administered(long adminId, String query, long beforeId, int limit) {
        administration.requireAdmin(adminId);
        String words = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        var select = em.createQuery("SELECT c FROM Comment c JOIN FETCH c.author a WHERE c.id < :before AND c.deletedAt IS NULL"
                        + (words.isEmpty() ? "" : " AND (lower(c.body) LIKE :words OR lower(a.nickname) LIKE :words)")
                        + " ORDER BY c.id DESC", Comment.class)
                .setParameter("before", beforeId)
                .setMaxResults(limit);
        if (!words.isEmpty()) {
            select.setParameter("words", Like.containing(words));
        }
        List<Comment> found = select.getResultList();
        Map<Long, RecordingService.RecordingLabel> labels = recordings.labels(adminId,
                found.stream().map(Comment::getRecordingId).distinct().toList());
        return found.stream().map(comment -> new AdministeredComment(comment.getId(), comment.getAuthor().getNickname(),
                comment.getBody(), comment.getCreatedAt(), labels.get(comment.getRecordingId()), comment.getHiddenReason())).toList();
    }

    /**
     * Hides a comment for an admin ({@code reason} non-null), or shows it again (null); it shows as
     * hidden to everyone meanwhile. Returns a label of it for the audit log.
     */
    public String hideForAdmin(long adminId, long commentId, String reason) {
        administration.requireAdmin(adminId);
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null || comment.isDeleted()) {
            throw new NotFound();
        }
        comment.hide(reason);
        // Comments are on recording pages kept for everyone.
        pageNotices.everythingChanged();
        String label = comment.getAuthor().getNickname() + ": " + comment.getBody();
        return label.length() > 200 ? label.substring(0, 199) + "\u2026" : label;
    }

    /** Deletes a comment for an admin, wherever it is; returns a label of it for the audit log. */
    public String deleteForAdmin(long adminId, long commentId) {
        administration.requireAdmin(adminId);
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null || comment.isDeleted()) {
            throw new NotFound();
        }
        RecordingService.RecordingLabel recording = recordings.labels(adminId, List.of(comment.getRecordingId()))
                .get(comment.getRecordingId());
        String label = comment.getAuthor().getNickname() + ": " + comment.getBody();
        remove(comment, recording.publicId());
        return label.length() > 200 ? label.substring(0, 199) + "\u2026" : label;
    }

    private void remove(Comment comment, String recordingPublicId) {
        long commentId = comment.getId();
        long replies = em.createQuery("SELECT count(c) FROM Comment c WHERE c.parentId = :id", Long.class)
                .setParameter("id", commentId).getSingleResult();
        if (replies > 0) {
            comment.blankOut(clock.instant());
        } else {
            em.remove(comment);
        }
        recordings.countComment(comment.getRecordingId(), recordingPublicId, -1);
    }

    /**
     * A page of a recording's threads, newest first, each with its replies: the first page, or the
     * one after {@code after}. Keyset-paginated on (time, id), so comments posted meanwhile
     * neither repeat nor push threads out of the next page.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<CommentThread> threads(long recordingId, Optional<Cursor> after) {
        TypedQuery<CommentView> query = em.createQuery(CommentView.SELECT + "WHERE c.recordingId = :recording "
                        + "AND c.parentId IS NULL "
                        + (after.isPresent() ? "AND (c.createdAt < :at OR (c.createdAt = :at AND c.id < :id)) " : "")
                        + "ORDER BY c.createdAt DESC, c.id DESC", CommentView.class)
                .setParameter("recording", recordingId)
                .setMaxResults(THREADS_PER_PAGE + 1);
        after.ifPresent(cursor -> query.setParameter("at", cursor.instant()).setParameter("id", cursor.id()));
        Slice<CommentView> roots = Slice.of(query.getResultList(), THREADS_PER_PAGE,
                root -> Cursor.of(root.createdAt(), root.id()));
        if (roots.isEmpty()) {
            return new Slice<>(List.of(), null);
        }
        Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
        roots.items().forEach(root -> replies.put(root.id(), new ArrayList<>()));
        em.createQuery(CommentView.SELECT + "WHERE c.parentId IN :roots ORDER BY c.createdAt, c.id", CommentView.class)
                .setParameter("roots", replies.keySet())
                .getResultList()
                .forEach(reply -> replies.get(reply.parentId()).add(reply));
        List<CommentThread> threads = new ArrayList<>();
        for (CommentView root : roots.items()) {
            List<CommentView> answers = replies.get(root.id());
            // A deleted or hidden comment nobody answered is simply gone.
            if (!root.isGone() || !answers.isEmpty()) {
                threads.add(new CommentThread(root, answers));
            }
        }
        return new Slice<>(threads, roots.next());
    }

    /** The nickname of the comment's author, if the comment is still there and {@code viewerId} may see its recording. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> authorOf(long commentId, long viewerId) {
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null || comment.isDeleted()) {
            return Optional.empty();
        }
        recordings.viewable(comment.getRecordingId(), Optional.of(viewerId));
        return Optional.of(comment.getAuthor().getNickname());
    }

    /**
     * The moments of a recording's newest timed comments, as {@code millis:id} pairs for the
     * waveform's markers; light rows, so a much-discussed track costs no more than a quiet one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String markers(long recordingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT at_ms, id FROM comments WHERE recording_id = ?1 "
                        + "AND at_ms IS NOT NULL AND deleted_at IS NULL AND NOT hidden_with_author "
                        + "ORDER BY created_at DESC, id DESC LIMIT ?2")
                .setParameter(1, recordingId)
                .setParameter(2, MARKERS_SHOWN)
                .getResultList();
        StringBuilder markers = new StringBuilder(rows.size() * 12);
        for (Object[] row : rows) {
            if (!markers.isEmpty()) {
                markers.append(',');
            }
            markers.append(((Number) row[0]).intValue()).append(':').append(((Number) row[1]).longValue());
        }
        return markers.toString();
    }
}
