package com.soundhub.reports;

/** A moderator warned a member; the member gets it as a notification. */
public record MemberWarned(long memberId, long moderatorId, String message) {
}
