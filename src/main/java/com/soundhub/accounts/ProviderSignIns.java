package com.soundhub.accounts;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.soundhub.accounts.IdentityProviders.Provider;
import com.soundhub.platform.database.SqlTimes;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in with an OpenID Connect provider: the authorization code flow with PKCE, the state and
 * the nonce checked, the ID token validated by the Nimbus SDK. A new person gets an account once
 * they pick a nickname; an existing member's account is linked only when the provider says it
 * verified the address and the member confirms with their password, or when the member, signed
 * in, links the provider from their settings.
 */
@ApplicationScoped
@Transactional
public class ProviderSignIns {

    private static final Logger log = LoggerFactory.getLogger(ProviderSignIns.class);

    /** How long a person has to answer the provider, then to pick a nickname or confirm. */
    static final Duration VALID_FOR = Duration.ofMinutes(15);

    static final String NOT_STARTED_HERE = "This sign-in was not started in this browser, or it has expired. Please start again.";

    /** Where to send the browser, and the state it keeps in a cookie until the provider answers. */
    public record Started(URI authorization, String state) {
    }

    /** What became of the provider's answer. */
    public sealed interface Outcome permits SignedInAs, Linked, Confirmed, ChooseNickname, ConfirmWithPassword {
    }

    /** The signed-in member proved with their provider that it is them. */
    public record Confirmed(String providerLabel) implements Outcome {
    }

    public record SignedInAs(Member member) implements Outcome {
    }

    public record Linked(String providerLabel) implements Outcome {
    }

    /** A new person: they pick a nickname (one is suggested from what the provider knows). */
    public record ChooseNickname(String providerLabel, String email, String suggestion) implements Outcome {
    }

    /** The provider's verified address is an existing member's: they confirm with their password. */
    public record ConfirmWithPassword(String providerLabel, String email) implements Outcome {
    }

    /** An identity linked to a member, for their settings. */
    public record LinkedIdentity(String provider, String label, String email, Instant linkedAt) {
    }

    /** An answer waiting for the person's next step. */
    private record Pending(long id, Provider provider, String subject, String email, boolean emailVerified, String name) {
    }

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    IdentityProviders providers;

    @Inject
    MemberRepository members;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHasher passwords;

    @Inject
    EmailConfirmations confirmations;

    private final Clock clock = Clock.systemUTC();

    /** Why a signed-in member goes to their provider: to link it, or to prove it is them. */
    public enum Purpose { LINK, CONFIRM }

    /** How long a confirmation with the provider stands in for a password. */
    static final Duration CONFIRMATION_LASTS = Duration.ofMinutes(10);

    /** Begins a sign-in with the provider. */
    public Started start(String providerId, URI redirectUri) {
        return start(providerId, null, null, redirectUri);
    }

    /** Begins a link or a confirmation, for the signed-in member {@code memberId}. */
    public Started start(String providerId, Purpose purpose, long memberId, URI redirectUri) {
        return start(providerId, purpose, (Long) memberId, redirectUri);
    }

    private Started start(String providerId, Purpose purpose, Long memberId, URI redirectUri) {
        Provider provider = providers.find(providerId).orElseThrow(com.soundhub.platform.rules.NotFound::new);
        IdentityProviders.Discovered discovered = providers.discover(provider);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO provider_sign_ins (state_hash, provider, nonce, code_verifier, linking_member, created_at, expires_at, "
                        + "purpose) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, SessionService.hash(state.getValue())).setParameter(2, provider.id())
                .setParameter(3, nonce.getValue()).setParameter(4, verifier.getValue())
                .setParameter(5, memberId).setParameter(6, now).setParameter(7, now.plus(VALID_FOR))
                .setParameter(8, purpose == null ? "SIGN_IN" : purpose.name())
                .executeUpdate();
        URI authorization = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new Scope("openid", "email", "profile"), provider.clientId(), redirectUri)
                .endpointURI(discovered.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new Started(authorization, state.getValue());
    }

    /**
     * Takes the provider's answer. {@code state} is the one in the URL, {@code browserState} the
     * one the browser kept: they must be equal, so nobody can finish a sign-in they did not start
     * in this browser. {@code signedInMember} is whoever is signed in now. A refusal keeps the
     * answer recorded, so the same answer cannot be replayed.
     */
    @Transactional(dontRollbackOn = RuleViolation.class)
    public Outcome finish(String providerId, String state, String browserState, String code, String error,
                          URI redirectUri, Optional<Long> signedInMember) {
        Provider provider = providers.find(providerId).orElseThrow(com.soundhub.platform.rules.NotFound::new);
        Object[] row = inFlight(state, browserState, provider, false);
        long id = ((Number) row[0]).longValue();
        em.createNativeQuery("UPDATE provider_sign_ins SET answered_at = ?2 WHERE id = ?1").setParameter(1, id)
                .setParameter(2, clock.instant()).executeUpdate();
        if (error != null && !error.isBlank()) {
            throw new RuleViolation("_form", provider.label() + " did not sign you in" + ("access_denied".equals(error)
                    ? ": you declined." : " (it answered \"" + error + "\")."));
        }
        if (code == null || code.isBlank()) {
            throw new RuleViolation("_form", provider.label() + " sent no sign-in code. Please start again.");
        }
        IDTokenClaimsSet claims = exchange(provider, code, redirectUri, new CodeVerifier((String) row[2]), new Nonce((String) row[1]));
        String subject = claims.getSubject().getValue();
        String email = claims.getStringClaim("email");
        boolean verified = Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"));
        String name = claims.getStringClaim("name");
        Long linking = row[3] == null ? null : ((Number) row[3]).longValue();

        Optional<Long> owner = identityOwner(provider.id(), subject);
        if (linking != null) {
            if (signedInMember.isEmpty() || !signedInMember.get().equals(linking)) {
                throw new RuleViolation("_form", NOT_STARTED_HERE);
            }
            if ("CONFIRM".equals(row[9])) {
                if (owner.isEmpty() || !owner.get().equals(linking)) {
                    throw new RuleViolation("_form", "That is not the " + provider.label() + " account linked to yours.");
                }
                finished(id);
                return new Confirmed(provider.label());
            }
            if (owner.isPresent() && !owner.get().equals(linking)) {
                throw new RuleViolation("_form", "That " + provider.label() + " account is linked to another SoundHub account already.");
            }
            if (owner.isEmpty()) {
                link(linking, provider, subject, email);
            }
            finished(id);
            return new Linked(provider.label());
        }
        if (owner.isPresent()) {
            Member member = members.findById(owner.get()).filter(Member::isActive).orElseThrow(() -> new RuleViolation("_form",
                    "The SoundHub account linked to that " + provider.label() + " account cannot sign in."));
            finished(id);
            return new SignedInAs(member);
        }
        if (email == null || email.isBlank()) {
            throw new RuleViolation("_form", provider.label() + " did not share your email address, which SoundHub needs. "
                    + "Allow it there, or sign up with a password.");
        }
        em.createNativeQuery("UPDATE provider_sign_ins SET subject = ?2, email = ?3, email_verified = ?4, name = ?5, expires_at = ?6 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, subject).setParameter(3, email.strip()).setParameter(4, verified)
                .setParameter(5, name).setParameter(6, clock.instant().plus(VALID_FOR)).executeUpdate();
        Optional<Member> existing = members.findByEmail(email.strip());
        if (existing.isPresent()) {
            if (!verified) {
                throw new RuleViolation("_form", provider.label() + " has not verified " + email.strip()
                        + ", which is a SoundHub member's address, so it cannot sign in to that account. Sign in with your "
                        + "password, then link " + provider.label() + " in Settings → Sign-in.");
            }
            return new ConfirmWithPassword(provider.label(), email.strip());
        }
        return new ChooseNickname(provider.label(), email.strip(), suggestedNickname(name, email));
    }

    /** A new person's account, with the nickname they picked; the address is confirmed when the provider verified it. */
    public Member createAccount(String browserState, String nickname) {
        Pending pending = pending(browserState);
        Member member = accounts.signUpWithoutPassword(pending.email(), nickname);
        if (pending.emailVerified()) {
            confirmations.confirmWithoutLink(member.getId());
        }
        link(member.getId(), pending.provider(), pending.subject(), pending.email());
        finished(pending.id());
        return member;
    }

    /** Links the provider to the existing account with the verified address, once its password is given. */
    public Member linkWithPassword(String browserState, String password) {
        Pending pending = pending(browserState);
        Member member = members.findByEmail(pending.email()).filter(Member::isActive)
                .orElseThrow(() -> new RuleViolation("_form", NOT_STARTED_HERE));
        if (!pending.emailVerified()) {
            throw new RuleViolation("_form", NOT_STARTED_HERE);
        }
        if (password == null || !passwords.matches(password, member.getPasswordHash())) {
            throw new RuleViolation("password", "That is not the password of this account.");
        }
        link(member.getId(), pending.provider(), pending.subject(), pending.email());
        confirmations.confirmWithoutLink(member.getId());
        finished(pending.id());
        return member;
    }

    /** The provider and address a pending answer is about, for the page that asks the next step. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChooseNickname pendingDetails(String browserState) {
        Pending pending = pending(browserState);
        return new ChooseNickname(pending.provider().label(), pending.email(), suggestedNickname(pending.name(), pending.email()));
    }

    /** Whether the member proved with their provider, a moment ago, that it is them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean recentlyConfirmed(long memberId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM provider_sign_ins WHERE linking_member = ?1 AND purpose = 'CONFIRM' "
                        + "AND finished_at > ?2")
                .setParameter(1, memberId).setParameter(2, clock.instant().minus(CONFIRMATION_LASTS)).getSingleResult()).longValue() > 0;
    }

    /** Unlinks a provider, if the member keeps a way to sign in. */
    public void unlink(long memberId, String providerId) {
        Member member = members.findById(memberId).filter(Member::isActive).orElseThrow(NotSignedInException::new);
        if (!member.isHasPassword()) {
            throw new RuleViolation("_form", "Set a password first (with \"Forgot your password?\" on the sign-in page): "
                    + "without it or a provider you could not sign in any more.");
        }
        int removed = em.createNativeQuery("DELETE FROM member_identities WHERE member_id = ?1 AND provider = ?2")
                .setParameter(1, memberId).setParameter(2, providerId).executeUpdate();
        if (removed == 0) {
            throw new com.soundhub.platform.rules.NotFound();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LinkedIdentity> linked(long memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT provider, email, linked_at FROM member_identities WHERE member_id = ?1 ORDER BY linked_at")
                .setParameter(1, memberId).getResultList();
        return rows.stream().map(row -> new LinkedIdentity((String) row[0],
                providers.find((String) row[0]).map(Provider::label).orElse((String) row[0]), (String) row[1],
                SqlTimes.instant(row[2]))).toList();
    }

    /** A deleted member's identities go with the account, so the provider's account can sign up again. */
    public void onMemberDeleted(@Observes MemberDeleted deletion) {
        em.createNativeQuery("DELETE FROM member_identities WHERE member_id = ?1").setParameter(1, deletion.memberId()).executeUpdate();
        em.createNativeQuery("DELETE FROM provider_sign_ins WHERE linking_member = ?1").setParameter(1, deletion.memberId()).executeUpdate();
    }

    /** Sign-ins a day past their expiry. */
    public void forgetOld() {
        em.createNativeQuery("DELETE FROM provider_sign_ins WHERE expires_at < now() - interval '1 day'").executeUpdate();
    }

    private IDTokenClaimsSet exchange(Provider provider, String code, URI redirectUri, CodeVerifier verifier, Nonce nonce) {
        IdentityProviders.Discovered discovered = providers.discover(provider);
        try {
            TokenRequest request = new TokenRequest.Builder(discovered.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(provider.clientId(), provider.clientSecret()),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier)).build();
            var response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                log.info("{} refused the sign-in code: {}", provider.id(), response.toErrorResponse().getErrorObject());
                throw new RuleViolation("_form", provider.label() + " refused this sign-in. Please start again.");
            }
            var idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            return discovered.validator().validate(idToken, nonce);
        } catch (BadJOSEException | JOSEException e) {
            log.warn("An ID token from {} failed validation: {}", provider.id(), e.getMessage());
            throw new RuleViolation("_form", "The answer from " + provider.label() + " could not be trusted, so you are not signed in. "
                    + "Please start again.");
        } catch (IOException | ParseException e) {
            throw new IdentityProviders.ProviderUnavailable(provider.label(), e);
        }
    }

    /** The row of a sign-in in flight ({@code answered}: the provider answered and the person takes the next step). */
    private Object[] inFlight(String state, String browserState, Provider provider, boolean answered) {
        if (state == null || browserState == null || !java.security.MessageDigest.isEqual(
                state.getBytes(java.nio.charset.StandardCharsets.UTF_8), browserState.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new RuleViolation("_form", NOT_STARTED_HERE);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, nonce, code_verifier, linking_member, provider, subject, email, email_verified, name, purpose "
                        + "FROM provider_sign_ins WHERE state_hash = ?1 AND expires_at > ?2 AND finished_at IS NULL "
                        + (answered ? "AND subject IS NOT NULL" : "AND answered_at IS NULL") + " FOR UPDATE")
                .setParameter(1, SessionService.hash(state)).setParameter(2, clock.instant()).getResultList();
        if (rows.isEmpty() || (provider != null && !provider.id().equals(rows.get(0)[4]))) {
            throw new RuleViolation("_form", NOT_STARTED_HERE);
        }
        return rows.get(0);
    }

    private Pending pending(String browserState) {
        Object[] row = inFlight(browserState, browserState, null, true);
        Provider provider = providers.find((String) row[4]).orElseThrow(() -> new RuleViolation("_form", NOT_STARTED_HERE));
        return new Pending(((Number) row[0]).longValue(), provider, (String) row[5], (String) row[6], Boolean.TRUE.equals(row[7]),
                (String) row[8]);
    }

    private Optional<Long> identityOwner(String provider, String subject) {
        List<?> owners = em.createNativeQuery("SELECT member_id FROM member_identities WHERE provider = ?1 AND subject = ?2")
                .setParameter(1, provider).setParameter(2, subject).getResultList();
        return owners.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    private void link(long memberId, Provider provider, String subject, String email) {
        em.createNativeQuery("INSERT INTO member_identities (member_id, provider, subject, email, linked_at) VALUES (?1, ?2, ?3, ?4, ?5) "
                        + "ON CONFLICT (provider, subject) DO NOTHING")
                .setParameter(1, memberId).setParameter(2, provider.id()).setParameter(3, subject).setParameter(4, email)
                .setParameter(5, clock.instant()).executeUpdate();
    }

    private void finished(long id) {
        em.createNativeQuery("UPDATE provider_sign_ins SET finished_at = ?2 WHERE id = ?1").setParameter(1, id)
                .setParameter(2, clock.instant()).executeUpdate();
    }

    /** Letters, digits and dashes from the person's name or the address's local part, as a nickname may hold. */
    static String suggestedNickname(String name, String email) {
        String source = name != null && !name.isBlank() ? name : email == null ? "" : email.substring(0, Math.max(0, email.indexOf('@')));
        String cleaned = java.text.Normalizer.normalize(source, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return cleaned.length() > 30 ? cleaned.substring(0, 30) : cleaned;
    }
}
