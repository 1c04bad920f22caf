package com.soundhub.accounts;

/** An admin lifted the member's suspension (fired inside that transaction): what was hidden with them comes back. */
public record MemberReinstated(long memberId) {
}
