package com.soundhub.accounts;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Jakarta Security identity store for session tokens: the member and groups, or invalid. */
@ApplicationScoped
public class SessionIdentityStore implements IdentityStore {

    @Inject
    SessionService sessions;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof SessionTokenCredential sessionToken)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return sessions.resolve(sessionToken.token())
                .map(principal -> new CredentialValidationResult(principal, principal.role().groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
