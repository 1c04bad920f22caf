package com.soundhub.accounts;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** Who is asking: the signed-in member of this request, if any. Templates see it as {@code currentMember}. */
@Named("currentMember")
@RequestScoped
public class CurrentMember {

    @Inject
    SecurityContext securityContext;

    private Optional<MemberPrincipal> principal;

    public Optional<MemberPrincipal> principal() {
        // Nobody is not remembered: a public page a visitor may not see is rendered again, in the
        // same request, once its viewer is authenticated.
        if (principal == null || principal.isEmpty()) {
            principal = securityContext.getPrincipalsByType(MemberPrincipal.class).stream().findFirst();
        }
        return principal;
    }

    public boolean isSignedIn() {
        return principal().isPresent();
    }

    public Optional<Long> id() {
        return principal().map(MemberPrincipal::memberId);
    }

    /** The member's id, or null when nobody is signed in (for templates). */
    public Long getMemberId() {
        return id().orElse(null);
    }

    /** The member's id; only for code behind {@code @SignedIn}. */
    public long requireId() {
        return principal().orElseThrow(NotSignedInException::new).memberId();
    }

    public String getNickname() {
        return principal().map(MemberPrincipal::nickname).orElse(null);
    }

    public boolean isAdmin() {
        return principal().map(p -> p.role() == Role.ADMIN).orElse(false);
    }
}
