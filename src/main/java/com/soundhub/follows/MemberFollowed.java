package com.soundhub.follows;

/** A member started following another (fired once, not for a repeated follow). */
public record MemberFollowed(long followerId, long followeeId) {
}
