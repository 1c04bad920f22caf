package com.soundhub.recordings;

import java.util.Optional;

import jakarta.mvc.Models;

/**
 * A part of the recording page contributed by another feature (likes, comments): it adds what its
 * fragment of the page needs. Keeps the recordings feature unaware of the features built on it.
 * Implementations are application-scoped and keep nothing of a page: one serves every page.
 */
public interface RecordingPageSection {

    void addTo(Models models, Recording recording, Optional<Long> viewerId);
}
