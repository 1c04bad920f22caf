package com.soundhub.recordings;

import java.util.Optional;

import com.soundhub.accounts.MemberPrincipal;
import jakarta.mvc.Models;

/**
 * A part of the recording page contributed by another feature (likes, comments): it adds what its
 * fragment of the page needs. Keeps the recordings feature unaware of the features built on it.
 * Implementations are application-scoped and keep nothing of a page: one serves every page.
 */
public interface RecordingPageSection {

    void addTo(Models models, Recording recording, Optional<Long> viewerId);

    /**
     * How this section tells apart the members a recording's page is shared among
     * ({@link com.soundhub.web.MemberVariants}): a short label for what differs ({@code "liked"}),
     * {@code ""} when it looks the same to every member but the recording's owner, or empty when
     * {@code viewer} must get the page rendered for them alone.
     */
    default Optional<String> memberVariant(long recordingId, MemberPrincipal viewer) {
        return Optional.of("");
    }
}
