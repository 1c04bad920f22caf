package com.soundhub.accounts;

import java.time.Clock;

import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.storage.PurgeObjectsJob;
import com.soundhub.web.PublicPageNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Deleting an account, by its member or by an admin. The member's row stays as a tombstone (see
 * {@link Member#anonymise}); every feature learns of it through {@link MemberDeleted} in the same
 * transaction, and their pictures are deleted from storage by a job that retries until they are gone.
 */
@ApplicationScoped
@Transactional
public class AccountDeletion {

    /** How a deleted account's nickname begins; nobody may choose such a nickname. */
    public static final String FORMER_MEMBER = "former-member-";

    @Inject
    Event<MemberDeleted> deleted;

    @Inject
    MemberRepository members;

    @Inject
    ProviderSignIns providerSignIns;

    @Inject
    SessionService sessions;

    @Inject
    PasswordHasher passwords;

    @Inject
    PurgeObjectsJob purge;

    @Inject
    PublicPageNotices pageNotices;

    private final Clock clock = Clock.systemUTC();

    /** The member deletes their own account, after giving their password again. */
    public void deleteOwn(long memberId, String password, boolean removeContent) {
        Member member = members.findByIdForUpdate(memberId).filter(Member::isActive).orElseThrow(NotFound::new);
        if (!member.isHasPassword()) {
            if (!providerSignIns.recentlyConfirmed(memberId)) {
                throw new RuleViolation("password", "Confirm with your sign-in provider first: it stands in for a password for "
                        + ProviderSignIns.CONFIRMATION_LASTS.toMinutes() + " minutes.");
            }
        } else if (password == null || password.isEmpty() || !passwords.matches(password, member.getPasswordHash())) {
            throw new RuleViolation("password", "That is not your password.");
        }
        delete(member, removeContent);
    }

    /**
     * Deletes the account at once: its sessions end on every instance, and what the member made is
     * removed or kept as {@code removeContent} says. Returns the nickname it had.
     */
    String delete(long memberId, boolean removeContent) {
        Member member = members.findByIdForUpdate(memberId).filter(found -> found.getStatus() != MemberStatus.DELETED)
                .orElseThrow(NotFound::new);
        return delete(member, removeContent);
    }

    private String delete(Member member, boolean removeContent) {
        String nickname = member.getNickname();
        deleted.fire(new MemberDeleted(member.getId(), removeContent));
        sessions.closeAll(member.getId());
        purge.purge("members/" + member.getId() + "/");
        member.anonymise(clock.instant());
        // Their name is on pages kept for everyone: their profile, recordings, comments.
        pageNotices.everythingChanged();
        return nickname;
    }
}
