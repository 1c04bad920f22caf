package com.soundhub.accounts;

/** An admin suspended the member (fired inside that transaction): their content is hidden with them. */
public record MemberSuspended(long memberId, String reason) {
}
