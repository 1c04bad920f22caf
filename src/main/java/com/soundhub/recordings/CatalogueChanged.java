package com.soundhub.recordings;

/**
 * What this instance keeps of the public catalogue (pages, fragments, search results) is out of
 * date: an owner changed a recording, here or on another instance, and the change has committed.
 * Raised on every instance by {@link RecordingChangeNotices}, outside any transaction.
 */
public record CatalogueChanged() {
}
