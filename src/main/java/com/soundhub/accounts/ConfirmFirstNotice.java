package com.soundhub.accounts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Whether the signed-in member still has to confirm their address, for the forms that would refuse
 * them ({@code accounts/confirm-first :: notice}), so they learn it before filling them in.
 */
@Named("confirmFirst")
@RequestScoped
public class ConfirmFirstNotice {

    @Inject
    CurrentMember currentMember;

    @Inject
    EmailConfirmations confirmations;

    public boolean isNeeded() {
        return currentMember.id().map(id -> !confirmations.isConfirmed(id)).orElse(false);
    }
}
