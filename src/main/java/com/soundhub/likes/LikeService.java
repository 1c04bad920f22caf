package com.soundhub.likes;

import java.util.Optional;

import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Likes: one per member and recording. Liking twice or unliking what was not liked changes nothing,
 * so double clicks and retried requests are harmless. The count on the recording moves with them.
 */
@ApplicationScoped
@Transactional
public class LikeService {

    /** Whether the member likes the recording now, and how many do. */
    public record LikeState(boolean liked, int count) {
        public boolean isLiked() {
            return liked;
        }

        public int getCount() {
            return count;
        }
    }

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    RecordingService recordings;

    @Inject
    Event<RecordingLiked> liked;

    public LikeState like(String publicId, long memberId) {
        Recording recording = likeable(publicId, memberId);
        int added = em.createNativeQuery("INSERT INTO recording_likes (recording_id, member_id) VALUES (?1, ?2) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, recording.getId()).setParameter(2, memberId).executeUpdate();
        if (added == 0) {
            return new LikeState(true, recording.getLikeCount());
        }
        int count = recordings.countLike(recording.getId(), 1);
        liked.fire(new RecordingLiked(recording.getId(), recording.getOwner().getId(), memberId));
        return new LikeState(true, count);
    }

    public LikeState unlike(String publicId, long memberId) {
        Recording recording = likeable(publicId, memberId);
        int removed = em.createNativeQuery("DELETE FROM recording_likes WHERE recording_id = ?1 AND member_id = ?2")
                .setParameter(1, recording.getId()).setParameter(2, memberId).executeUpdate();
        return new LikeState(false, removed > 0 ? recordings.countLike(recording.getId(), -1) : recording.getLikeCount());
    }

    /** The like button of a recording just read, for the page it is shown on. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LikeState state(Recording recording, Optional<Long> memberId) {
        return new LikeState(memberId.map(id -> likes(recording.getId(), id)).orElse(false), recording.getLikeCount());
    }

    /** Whether the member likes the recording. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean likes(long recordingId, long memberId) {
        return !em.createNativeQuery("SELECT 1 FROM recording_likes WHERE recording_id = ?1 AND member_id = ?2")
                .setParameter(1, recordingId).setParameter(2, memberId).getResultList().isEmpty();
    }

    /** Only what the member may see can be liked; private recordings answer "not found". */
    private Recording likeable(String publicId, long memberId) {
        return recordings.viewable(publicId, Optional.of(memberId));
    }
}
