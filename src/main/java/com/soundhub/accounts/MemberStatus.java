package com.soundhub.accounts;

public enum MemberStatus {
    ACTIVE,
    /** Set by an admin: cannot sign in; existing sessions stop working. */
    SUSPENDED
}
