package com.soundhub.likes;

import java.util.Map;
import java.util.Optional;

import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingPageSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Models;

/** The like button on the recording page: the count for everyone, the member's own like in their part. */
@ApplicationScoped
public class LikesSection implements RecordingPageSection {

    @Inject
    LikeService likes;

    @Override
    public void addTo(Models models, Recording recording) {
        // The page shows the count the recording carries.
    }

    @Override
    public void addViewerParts(Map<String, Object> models, Recording recording, Optional<Long> viewerId) {
        viewerId.ifPresent(viewer -> models.put("likes", likes.state(recording, viewerId)));
    }
}
