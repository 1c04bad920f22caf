package com.soundhub.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.site.SiteSettingsService;
import com.soundhub.taxonomy.TaxonomyService;
import com.soundhub.web.Paths;
import com.soundhub.web.PublicPageNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The rules of accounts: who may sign up, sign in, and change what.
 *
 * <p>Hashing a password takes about half a second on purpose. The methods that hash therefore run
 * outside a transaction and write through short transactions of their own, so that a burst of
 * sign-ins never holds database connections while the CPU works.
 */
@ApplicationScoped
@Transactional
public class AccountService {

    /** Raised after a member signs up, for features that greet or index new members. */
    public record MemberSignedUp(long memberId, String nickname) {
    }

    /** A picture recorded on a member's account: the member as now stored, and the key of the picture it replaced. */
    public record PictureChange(Member member, Optional<String> replacedKey) {
    }

    private static final String EMAIL_TAKEN = "There is already an account with this email address. Sign in instead?";
    private static final String NICKNAME_TAKEN = "This nickname is taken. Try another one.";
    private static final String LOOKS_TAKEN = "This nickname looks just like one that is taken, so people could mistake "
            + "one for the other. Try another one.";

    @Inject
    MemberRepository members;

    @Inject
    PasswordHasher passwords;

    @Inject
    SignInThrottle throttle;

    @Inject
    SessionService sessions;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    Event<MemberSignedUp> signedUp;

    @Inject
    PublicPageNotices pageNotices;

    @Inject
    SiteSettingsService site;

    static final String SIGN_UPS_CLOSED = "Sign-ups are closed for now. Please come back later.";

    private final Clock clock = Clock.systemUTC();

    @Transactional(TxType.NOT_SUPPORTED)
    public Member signUp(String email, String nickname, String password) {
        return create(email, nickname, password);
    }

    /**
     * An account for someone an identity provider vouched for: no password of their own (they may
     * set one with "Forgot password"), the same rules for the address and the nickname.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Member signUpWithoutPassword(String email, String nickname) {
        return create(email, nickname, null);
    }

    private Member create(String email, String nickname, String password) {
        if (!site.current().signUpsOpen()) {
            throw new RuleViolation("_form", SIGN_UPS_CLOSED);
        }
        String cleanEmail = email.trim();
        String cleanNickname = nickname.trim();
        if (password != null) {
            PasswordPolicy.problemWith(password, cleanEmail, cleanNickname)
                    .ifPresent(problem -> {
                        throw new RuleViolation("password", problem);
                    });
        }
        if (members.emailTaken(cleanEmail)) {
            throw new RuleViolation("email", EMAIL_TAKEN);
        }
        if (members.nicknameTaken(cleanNickname, -1)) {
            throw new RuleViolation("nickname", NICKNAME_TAKEN);
        }
        refuseLookAlike(cleanNickname, -1);
        Member member = new Member(cleanEmail, cleanNickname, password == null ? Member.NO_PASSWORD : passwords.hash(password),
                clock.instant());
        try {
            members.add(member);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            // Someone claimed the same email or nickname in the same instant; the unique index decided.
            throw duplicateOr(e);
        }
        signedUp.fire(new MemberSignedUp(member.getId(), member.getNickname()));
        return member;
    }

    @Transactional(TxType.NOT_SUPPORTED)
    public SignInOutcome signIn(String email, String password, String clientAddress) {
        Instant now = clock.instant();
        Optional<Instant> lock = throttle.lockedUntil(email, clientAddress, now);
        if (lock.isPresent()) {
            return locked(lock.get(), now);
        }
        Optional<Member> member = members.findByEmail(email.trim());
        boolean passwordMatches;
        if (member.isPresent()) {
            passwordMatches = passwords.matches(password, member.get().getPasswordHash());
        } else {
            passwords.spendTimeOfAVerification(password);
            passwordMatches = false;
        }
        if (!passwordMatches) {
            Optional<Instant> newLock = throttle.recordFailure(email, clientAddress, now);
            return newLock.isPresent()
                    ? locked(newLock.get(), now)
                    : new SignInOutcome.Refused("That email and password don't match an account. Check both and try again.");
        }
        Member found = member.get();
        if (!found.isActive()) {
            String why = found.getSuspensionReason() == null ? "" : " The moderators said: \u201c" + found.getSuspensionReason() + "\u201d.";
            return new SignInOutcome.Refused("This account is suspended." + why
                    + " Contact the SoundHub team if you think this is a mistake.");
        }
        throttle.recordSuccess(email);
        if (passwords.needsRehash(found.getPasswordHash())) {
            members.replacePasswordHash(found.getId(), passwords.hash(password), false);
        }
        return new SignInOutcome.SignedIn(found);
    }

    private static SignInOutcome.Locked locked(Instant until, Instant now) {
        Duration wait = Duration.between(now, until);
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return new SignInOutcome.Locked(wait, "Too many failed sign-in attempts. For your security, sign-in is paused; "
                + "try again in " + minutes + (minutes == 1 ? " minute." : " minutes."));
    }

    /** Changes the password and signs out every other browser of the member. */
    @Transactional(TxType.NOT_SUPPORTED)
    public void changePassword(long memberId, String currentPassword, String newPassword, String keepSessionToken) {
        Member member = members.findById(memberId).orElseThrow(NotSignedInException::new);
        if (!passwords.matches(currentPassword, member.getPasswordHash())) {
            throw new RuleViolation("currentPassword", "That is not your current password.");
        }
        PasswordPolicy.problemWith(newPassword, member.getEmail(), member.getNickname())
                .ifPresent(problem -> {
                    throw new RuleViolation("newPassword", problem);
                });
        if (newPassword.equals(currentPassword)) {
            throw new RuleViolation("newPassword", "The new password is the same as the current one.");
        }
        members.replacePasswordHash(memberId, passwords.hash(newPassword), true);
        sessions.closeOthers(memberId, keepSessionToken);
    }

    public Member updateProfile(long memberId, String nickname, String bio,
                                Collection<Short> genreIds, Collection<Short> instrumentIds) {
        Member member = members.findById(memberId).orElseThrow(NotSignedInException::new);
        String cleanNickname = nickname.trim();
        if (members.nicknameTaken(cleanNickname, memberId)) {
            throw new RuleViolation("nickname", NICKNAME_TAKEN);
        }
        // A nickname kept from before the rule stays allowed; a new one must pass it.
        if (!cleanNickname.equals(member.getNickname())) {
            refuseLookAlike(cleanNickname, memberId);
        }
        // A new nickname shows on every page that names the member (cards, comments); a bio only on the profile.
        if (cleanNickname.equals(member.getNickname())) {
            pageNotices.pageChanged(profilePath(member));
        } else {
            pageNotices.everythingChanged();
        }
        member.updateProfile(cleanNickname, bio == null ? "" : bio.strip(),
                taxonomy.genres(genreIds), taxonomy.instruments(instrumentIds));
        try {
            members.flush();
        } catch (PersistenceException e) {
            throw duplicateOr(e);
        }
        return member;
    }

    /** Records the avatar stored under {@code key}; the caller deletes the one it replaced once this returns. */
    public PictureChange useAvatar(long memberId, String key) {
        return usePicture(memberId, false, key);
    }

    /** Records the banner stored under {@code key}; the caller deletes the one it replaced once this returns. */
    public PictureChange useBanner(long memberId, String key) {
        return usePicture(memberId, true, key);
    }

    private PictureChange usePicture(long memberId, boolean banner, String key) {
        // Locked: of two pictures sent at once, the second replaces the first (which is then deleted),
        // rather than both replacing the same one and the first being left in the bucket for good.
        Member member = members.findByIdForUpdate(memberId).orElseThrow(() -> new NotFound("member " + memberId));
        String replaced = member.replaceImage(banner, key);
        pageNotices.pageChanged(profilePath(member));
        return new PictureChange(member, Optional.ofNullable(replaced));
    }

    private static String profilePath(Member member) {
        return "/members/" + Paths.segment(member.getNickname());
    }

    /** How many members there are. */
    @Transactional(TxType.SUPPORTS)
    public long memberCount() {
        return members.count();
    }

    /** Makes the member an admin or an ordinary member. */
    public void changeRole(long memberId, Role role) {
        members.changeRole(memberId, role);
    }

    /** The nicknames of those of {@code ids} who are active members (others are left out). */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, String> activeNicknames(Collection<Long> ids) {
        return members.activeNicknames(ids);
    }

    /** Nicknames of active members like the words searched for, closest first. */
    @Transactional(TxType.SUPPORTS)
    public List<String> nicknamesLike(String words, String likePrefix, int limit) {
        return members.nicknamesLike(words, likePrefix, limit);
    }

    /**
     * The member as the caller of a request, if they exist and are active (a suspended member's
     * credentials stop working). Read without a transaction, as it is asked on every request.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<MemberPrincipal> activeMember(long memberId) {
        return members.activePrincipal(memberId);
    }

    /** The member with favourites loaded, for the settings page. */
    public Optional<Member> member(long memberId) {
        return members.findById(memberId).map(member -> {
            member.getFavouriteGenres().size();
            member.getFavouriteInstruments().size();
            return member;
        });
    }

    /** A member's profile with their favourite genres and instruments, read without a transaction of its own. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Member> profile(String nickname) {
        return members.findProfileByNickname(nickname).filter(member -> member.getStatus() != MemberStatus.DELETED);
    }

    /** Refuses a nickname that mixes scripts or looks like another member's. */
    private void refuseLookAlike(String nickname, long memberId) {
        LookAlikeNicknames.problemWith(nickname).ifPresent(problem -> {
            throw new RuleViolation("nickname", problem);
        });
        if (nickname.toLowerCase(java.util.Locale.ROOT).startsWith(AccountDeletion.FORMER_MEMBER)) {
            throw new RuleViolation("nickname", "Nicknames starting with \u201c" + AccountDeletion.FORMER_MEMBER
                    + "\u201d are kept for deleted accounts. Try another one.");
        }
        members.nicknameLookingLike(LookAlikeNicknames.skeleton(nickname), memberId).ifPresent(other -> {
            throw new RuleViolation("nickname", "This nickname looks just like \u201c" + other
                    + "\u201d, which is taken, so people could mistake one for the other. Try another one.");
        });
    }

    private static RuntimeException duplicateOr(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            if (text.contains("members_nickname_skeleton_key")) {
                return new RuleViolation("nickname", LOOKS_TAKEN);
            }
            if (text.contains("members_email_key")) {
                return new RuleViolation("email", EMAIL_TAKEN);
            }
            if (text.contains("members_nickname_key")) {
                return new RuleViolation("nickname", NICKNAME_TAKEN);
            }
        }
        return e;
    }
}
