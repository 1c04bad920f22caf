package com.soundhub.accounts;

import jakarta.security.enterprise.CallerPrincipal;

/** The signed-in member, as Jakarta Security knows them for the length of a request. */
public class MemberPrincipal extends CallerPrincipal {

    private final long memberId;
    private final Role role;

    public MemberPrincipal(long memberId, String nickname, Role role) {
        super(nickname);
        this.memberId = memberId;
        this.role = role;
    }

    public long memberId() {
        return memberId;
    }

    public String nickname() {
        return getName();
    }

    public Role role() {
        return role;
    }
}
