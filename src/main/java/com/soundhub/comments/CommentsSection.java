package com.soundhub.comments;

import java.util.Optional;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.MemberPrincipal;
import com.soundhub.accounts.Role;
import com.soundhub.platform.paging.Cursor;
import com.soundhub.recordings.Recording;
import com.soundhub.recordings.RecordingPageSection;
import com.soundhub.web.views.Lazy;
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

    @Inject
    CurrentMember currentMember;

    @Override
    public void addTo(Models models, Recording recording, Optional<Long> viewerId) {
        Optional<Cursor> after = Cursor.parse(request.getParameter(PAGE_PARAMETER));
        models.put("threads", Lazy.of(() -> comments.threads(recording.getId(), after)));
        models.put("commentsKey", sharedListKey(recording, viewerId, after));
        models.put("commentMarkers", Lazy.of(() -> comments.markers(recording.getId())));
        models.put("markersKey", "markers:" + recording.getId() + ":" + recording.getCommentsVersion());
        if (models.get("commentForm") == null) {
            models.put("commentForm", new CommentForm());
        }
    }

    /**
     * Members who may delete comments in the list (admins, and those who wrote one) have pages of
     * their own, as they have lists of their own. The others share the page of the list's current
     * version, so that a comment posted or deleted shows to every member at once.
     */
    @Override
    public Optional<String> memberVariant(long recordingId, MemberPrincipal viewer) {
        if (viewer.role() == Role.ADMIN) {
            return Optional.empty();
        }
        CommentService.Standing standing = comments.standing(recordingId, viewer.memberId());
        return standing.hasCommented() ? Optional.empty() : Optional.of("comments:" + standing.listVersion());
    }

    /**
     * The comment list looks the same to every visitor, and to every member who may not delete any
     * of its comments and has none of their own to be told apart from the rest (their list has
     * "reply" and "report" on every comment, and no CSRF token). The recording's owner, admins and
     * members who have commented on it get a list of their own ({@code null}: not kept).
     */
    private String sharedListKey(Recording recording, Optional<Long> viewerId, Optional<Cursor> after) {
        String list = recording.getId() + ":" + recording.getCommentsVersion() + ":" + after.map(Object::toString).orElse("");
        if (viewerId.isEmpty()) {
            return "visitor:" + list;
        }
        long viewer = viewerId.get();
        if (recording.isOwnedBy(viewer) || currentMember.isAdmin() || comments.hasCommented(recording.getId(), viewer)) {
            return null;
        }
        return "member:" + list;
    }
}
