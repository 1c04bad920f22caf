package com.soundhub.catalogue;

import java.time.Instant;

import com.soundhub.platform.paging.Cursor;
import com.soundhub.recordings.Recording;
import com.soundhub.web.Dates;
import com.soundhub.web.Paths;

/**
 * What a list of recordings shows of each one (feeds, profiles, search, likes): no waveform, no
 * playlist, so lists stay light. {@code sortValue} is what the list is ordered by (a time in
 * microseconds, a score), for its cursor.
 */
public record RecordingCard(long id, String publicId, String title, String ownerNickname, Integer durationMs,
                            int likeCount, int playCount, int commentCount, Instant publishedAt, String genreName,
                            String coverKey, long sortValue) {

    public Cursor cursor() {
        return new Cursor(sortValue, id);
    }

    /** The length as players show it, computed here so that long lists need no helper calls. */
    public String getDuration() {
        return Dates.clockOf(getDurationSeconds());
    }

    public String getUrl() {
        return "/recordings/" + publicId;
    }

    /** The owner's cover picture, or the generated artwork. */
    public String getArtworkUrl() {
        return Recording.artworkUrl(publicId, coverKey);
    }

    public String getOwnerUrl() {
        return "/members/" + Paths.segment(ownerNickname);
    }

    public String getPublicId() {
        return publicId;
    }

    public String getTitle() {
        return title;
    }

    public String getOwnerNickname() {
        return ownerNickname;
    }

    public double getDurationSeconds() {
        return durationMs == null ? 0 : durationMs / 1000.0;
    }

    public int getLikeCount() {
        return likeCount;
    }

    public int getPlayCount() {
        return playCount;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getGenreName() {
        return genreName;
    }
}
