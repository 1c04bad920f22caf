package com.soundhub.tokens;

import java.util.EnumSet;
import java.util.Set;

import com.soundhub.accounts.BearerTokenCredential;
import com.soundhub.accounts.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Jakarta Security identity store for personal access tokens: the member, in the group
 * {@code user} and the group of the token's scope, or invalid.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    @Inject
    TokenService tokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerTokenCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return tokens.authenticate(bearer.token())
                .map(found -> new CredentialValidationResult(found.member(), Set.of(Role.USER_GROUP, found.scope().group())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
