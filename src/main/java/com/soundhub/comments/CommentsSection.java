package com.soundhub.comments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingPageSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Models;

/** The comments on the recording page, and their moments as markers for the waveform. */
@ApplicationScoped
public class CommentsSection implements RecordingPageSection {

    @Inject
    CommentService comments;

    @Override
    public void addTo(Models models, Recording recording, Optional<Long> viewerId) {
        List<CommentThread> threads = comments.threads(recording.getId());
        models.put("threads", threads);
        models.put("commentMarkers", threads.stream()
                .map(CommentThread::comment)
                .filter(comment -> comment.getAtMs() != null && !comment.isDeleted())
                .map(comment -> comment.getAtMs() + ":" + comment.getId())
                .collect(Collectors.joining(",")));
        if (models.get("commentForm") == null) {
            models.put("commentForm", new CommentForm());
        }
    }
}
