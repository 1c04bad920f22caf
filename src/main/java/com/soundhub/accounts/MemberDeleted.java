package com.soundhub.accounts;

/**
 * A member's account is being deleted (fired inside that transaction, before the account is
 * anonymised). Each feature drops what only mattered to the member, and either removes what they
 * made ({@code contentRemoved}) or keeps it, credited to a former member.
 */
public record MemberDeleted(long memberId, boolean contentRemoved) {
}
