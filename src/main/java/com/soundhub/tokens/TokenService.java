package com.soundhub.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.MemberDeleted;
import com.soundhub.accounts.MemberPrincipal;
import com.soundhub.accounts.Role;
import com.soundhub.accounts.TokenScope;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Members' personal access tokens: creating one (shown once, stored hashed, at most
 * {@link TokenRules#MAX_LIVE_PER_MEMBER} unexpired ones), listing and revoking them, and telling
 * whose a token presented to the API is.
 */
@ApplicationScoped
@Transactional
public class TokenService {

    @Inject
    AccessTokenRepository tokens;

    @Inject
    TokenActivity activity;

    @Inject
    AccountService accounts;

    private final Clock clock = Clock.systemUTC();

    /** A new token, and its secret, which is never seen again after this. */
    public record Created(AccessToken token, String secret) {
    }

    /** A token presented to the API: whose it is and what it may do. */
    public record Authenticated(MemberPrincipal member, TokenScope scope) {
    }

    public Created create(long memberId, String typedName, TokenScope scope, TokenRules.Lifetime lifetime) {
        String name = TokenRules.name(typedName);
        tokens.lockTokensOf(memberId);
        Instant now = clock.instant();
        if (!TokenRules.mayCreateAnother(tokens.countLive(memberId, now))) {
            throw new RuleViolation(null, TokenRules.TOO_MANY);
        }
        String secret = TokenRules.newToken();
        AccessToken token = new AccessToken(memberId, TokenRules.hash(secret), name, scope, now, lifetime.expiry(now));
        tokens.add(token);
        return new Created(token, secret);
    }

    /** The member's tokens, newest first, expired ones included. */
    @Transactional(TxType.SUPPORTS)
    public List<AccessToken> tokensOf(long memberId) {
        return tokens.of(memberId);
    }

    /** Revokes one of the member's tokens and returns its name; another member's answers {@link NotFound}. */
    public String revoke(long memberId, long tokenId) {
        AccessToken token = tokens.ofMember(memberId, tokenId).orElseThrow(() -> new NotFound("access token"));
        tokens.remove(token);
        return token.getName();
    }

    /** A deleted member's tokens stop working with their account. */
    void onMemberDeleted(@Observes MemberDeleted deletion) {
        tokens.removeAllOf(deletion.memberId());
    }

    /** Revokes the member's token whose secret this is (the one a request came with). */
    public void revokeSecret(long memberId, String secret) {
        AccessToken token = tokens.byHash(TokenRules.hash(secret))
                .filter(found -> found.getMemberId() == memberId)
                .orElseThrow(() -> new NotFound("access token"));
        tokens.remove(token);
    }

    /**
     * Whose the token is, if it is one of ours, unexpired, and its member active. Every API request
     * with a token asks, so it reads without a transaction; a use is written down at most once a
     * minute. The member comes as an ordinary member even when they are an admin: a token never
     * carries an admin's powers.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<Authenticated> authenticate(String secret) {
        if (!TokenRules.looksLikeToken(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<AccessToken> found = tokens.byHash(TokenRules.hash(secret))
                .filter(token -> TokenRules.isLive(token.getExpiresAt(), now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = found.get();
        Optional<MemberPrincipal> member = accounts.activeMember(token.getMemberId());
        if (member.isEmpty()) {
            return Optional.empty();
        }
        if (TokenRules.useWorthRecording(token.getLastUsedAt(), now)) {
            activity.used(token.getId(), now);
        }
        MemberPrincipal principal = new MemberPrincipal(member.get().memberId(), member.get().nickname(), Role.USER);
        return Optional.of(new Authenticated(principal, token.getScope()));
    }
}
