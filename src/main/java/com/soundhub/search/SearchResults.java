package com.soundhub.search;

import java.util.List;

import com.soundhub.platform.paging.Slice;
import com.soundhub.catalogue.RecordingCard;

/** Recordings found (a page of them), and on the first page the members and tags that match. */
public record SearchResults(Slice<RecordingCard> recordings, List<String> members, List<TagHit> tags) {

    /** A tag and how many listed recordings carry it. */
    public record TagHit(String tag, long count) {
        public String getTag() {
            return tag;
        }

        public long getCount() {
            return count;
        }
    }

    public Slice<RecordingCard> getRecordings() {
        return recordings;
    }

    public List<String> getMembers() {
        return members;
    }

    public List<TagHit> getTags() {
        return tags;
    }

    public boolean isEmpty() {
        return recordings.isEmpty() && members.isEmpty() && tags.isEmpty();
    }
}
