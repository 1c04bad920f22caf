package com.soundhub.comments;

import java.util.Optional;

import com.soundhub.platform.paging.Cursor;
import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingPageSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;

/** The comments on the recording page, a page of threads at a time, and their moments as markers for the waveform. */
@ApplicationScoped
public class CommentsSection implements RecordingPageSection {

    /** The query parameter that asks for the threads after a cursor. */
    static final String PAGE_PARAMETER = "comments";

    @Inject
    CommentService comments;

    @Inject
    HttpServletRequest request;

    @Override
    public void addTo(Models models, Recording recording) {
        Optional<Cursor> after = Cursor.parse(request.getParameter(PAGE_PARAMETER));
        models.put("threads", comments.threads(recording.getId(), after));
        models.put("commentMarkers", comments.markers(recording.getId()));
        if (models.get("commentForm") == null) {
            models.put("commentForm", new CommentForm());
        }
    }
}
