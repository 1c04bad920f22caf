package com.soundhub.recordings;

import java.util.Map;
import java.util.Optional;

import jakarta.mvc.Models;

/**
 * A part of the recording page contributed by another feature (likes, comments). Keeps the
 * recordings feature unaware of the features built on it. Implementations are application-scoped
 * and keep nothing of a page: one serves every page.
 */
public interface RecordingPageSection {

    /** What the section shows on the page, which is the same for every viewer. */
    void addTo(Models models, Recording recording);

    /** What the section shows of the viewer ({@code recordings/viewer.html}), sent after the page. */
    default void addViewerParts(Map<String, Object> models, Recording recording, Optional<Long> viewerId) {
    }
}
