package com.soundhub.likes;

import java.util.Optional;

import com.soundhub.accounts.MemberPrincipal;
import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingPageSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Models;

/** The like button and count on the recording page. */
@ApplicationScoped
public class LikesSection implements RecordingPageSection {

    @Inject
    LikeService likes;

    @Override
    public void addTo(Models models, Recording recording, Optional<Long> viewerId) {
        models.put("likes", likes.state(recording, viewerId));
    }

    /** Members who like the recording see "Liked"; the others "Like". */
    @Override
    public Optional<String> memberVariant(long recordingId, MemberPrincipal viewer) {
        return Optional.of(likes.likes(recordingId, viewer.memberId()) ? "liked" : "");
    }
}
