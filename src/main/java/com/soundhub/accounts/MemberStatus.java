package com.soundhub.accounts;

public enum MemberStatus {
    ACTIVE,
    /** Set by an admin: cannot sign in; existing sessions stop working. */
    SUSPENDED,
    /** The account was deleted: nobody signs in as it, and it has no email, profile or page. */
    DELETED
}
