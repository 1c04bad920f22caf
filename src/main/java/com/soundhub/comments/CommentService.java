package com.soundhub.comments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.soundhub.accounts.Member;
import com.soundhub.platform.limits.LimitedAction;
import com.soundhub.platform.limits.RateLimiter;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/**
 * Comments and replies on recordings. Anyone who may hear a recording may comment on it; a comment
 * may be deleted by its author, by the recording's owner and by admins, by nobody else.
 */
@ApplicationScoped
@Transactional
public class CommentService {

    /** The newest threads shown on a recording page. */
    static final int THREADS_SHOWN = 100;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    RecordingService recordings;

    @Inject
    RateLimiter limits;

    @Inject
    Event<CommentPosted> posted;

    private final Clock clock = Clock.systemUTC();

    public Comment post(String publicId, long authorId, CommentForm form) {
        Recording recording = recordings.viewable(publicId, Optional.of(authorId));
        Integer atMs = form.atMillis();
        if (atMs != null && recording.getDurationMs() != null && atMs > recording.getDurationMs()) {
            throw new RuleViolation("at", "That moment is past the end of the recording.");
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
        adjustCount(recording.getId(), 1);
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
            throw new NotFoundException();
        }
        if (!comment.isWrittenBy(memberId) && !recording.isOwnedBy(memberId) && !admin) {
            throw new ForbiddenException("Only the author, the recording's owner and admins may delete a comment.");
        }
        long replies = em.createQuery("SELECT count(c) FROM Comment c WHERE c.parentId = :id", Long.class)
                .setParameter("id", commentId).getSingleResult();
        if (replies > 0) {
            comment.blankOut(clock.instant());
        } else {
            em.remove(comment);
        }
        adjustCount(recording.getId(), -1);
    }

    /** The newest threads of a recording, each with its replies. */
    public List<CommentThread> threads(long recordingId) {
        List<Comment> roots = em.createQuery("SELECT c FROM Comment c JOIN FETCH c.author WHERE c.recordingId = :recording "
                        + "AND c.parentId IS NULL ORDER BY c.createdAt DESC, c.id DESC", Comment.class)
                .setParameter("recording", recordingId)
                .setMaxResults(THREADS_SHOWN)
                .getResultList();
        if (roots.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Comment>> replies = new LinkedHashMap<>();
        roots.forEach(root -> replies.put(root.getId(), new ArrayList<>()));
        em.createQuery("SELECT c FROM Comment c JOIN FETCH c.author WHERE c.parentId IN :roots "
                        + "ORDER BY c.createdAt, c.id", Comment.class)
                .setParameter("roots", replies.keySet())
                .getResultList()
                .forEach(reply -> replies.get(reply.getParentId()).add(reply));
        List<CommentThread> threads = new ArrayList<>();
        for (Comment root : roots) {
            List<Comment> answers = replies.get(root.getId());
            // A deleted comment nobody answered is simply gone.
            if (!root.isDeleted() || !answers.isEmpty()) {
                threads.add(new CommentThread(root, answers));
            }
        }
        return threads;
    }

    private void adjustCount(long recordingId, int by) {
        em.createNativeQuery("UPDATE recordings SET comment_count = greatest(0, comment_count + ?2) WHERE id = ?1")
                .setParameter(1, recordingId).setParameter(2, by).executeUpdate();
    }
}
