package com.soundhub.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.soundhub.mail.Mailer;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Changing a member's email address: the new address is used only once a link mailed to it is
 * followed (single use, a day, kept hashed), so nobody can move an account to an address they do
 * not hold; the old address is told when it happens.
 */
@ApplicationScoped
@Transactional
public class EmailChanges {

    static final Duration VALID_FOR = Duration.ofDays(1);
    static final String INVALID = "This link is not valid: it may have been cut short in your mail. Ask for a new one in your settings.";
    static final String USED = "This link was used already.";
    static final String EXPIRED = "This link has expired: links work for a day. Ask for a new one in your settings.";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    PasswordHasher passwords;

    @Inject
    Mailer mailer;

    private final Clock clock = Clock.systemUTC();

    /** Mails a confirmation link to {@code newEmail}, after the member's password. */
    public void request(long memberId, String newEmail, String password, String siteOrigin) {
        Member member = members.findById(memberId).filter(Member::isActive).orElseThrow(NotSignedInException::new);
        if (password == null || !passwords.matches(password, member.getPasswordHash())) {
            throw new RuleViolation("password", "That is not your password.");
        }
        String address = newEmail.strip();
        if (address.equalsIgnoreCase(member.getEmail())) {
            throw new RuleViolation("email", "That is the address you have now.");
        }
        if (members.emailTaken(address)) {
            throw new RuleViolation("email", "Another account has that address.");
        }
        String token = MailedLinks.newToken();
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO email_changes (member_id, new_email, token_hash, created_at, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, memberId).setParameter(2, address).setParameter(3, SessionService.hash(token))
                .setParameter(4, now).setParameter(5, now.plus(VALID_FOR)).executeUpdate();
        mailer.send(address, "Confirm your new SoundHub email address", """
                Hello %s,

                To use this address for your SoundHub account, follow this link within a day:

                %s/settings/email/confirm?token=%s

                Until then your account keeps its current address. If you did not ask, ignore this mail.

                SoundHub
                """.formatted(member.getNickname(), siteOrigin, token));
    }

    /** The address a link would move its account to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String addressFor(String token) {
        return (String) MailedLinks.usable(em, "email_changes", "new_email", token, false, clock.instant(), INVALID, USED, EXPIRED)
                .detail();
    }

    /** Uses the new address; the old one is told. Returns the new address. */
    public String confirm(String token) {
        MailedLinks.Found link = MailedLinks.usable(em, "email_changes", "new_email", token, true, clock.instant(), INVALID, USED, EXPIRED);
        Member member = members.findByIdForUpdate(link.memberId()).filter(Member::isActive)
                .orElseThrow(() -> new RuleViolation("token", INVALID));
        String newEmail = (String) link.detail();
        if (members.emailTaken(newEmail)) {
            throw new RuleViolation("token", "Another account took that address meanwhile; choose another one in your settings.");
        }
        String oldEmail = member.getEmail();
        member.changeEmail(newEmail);
        member.confirmEmail(clock.instant());
        em.createNativeQuery("UPDATE email_changes SET used_at = ?2 WHERE member_id = ?1 AND used_at IS NULL")
                .setParameter(1, member.getId()).setParameter(2, clock.instant()).executeUpdate();
        mailer.send(oldEmail, "Your SoundHub email address was changed", """
                Hello %s,

                The email address of your SoundHub account is now %s. You sign in with it from now on.

                If you did not do this, someone may know your password: ask for a new one with
                "Forgot your password?" at the new address, or write to the SoundHub team.

                SoundHub
                """.formatted(member.getNickname(), newEmail));
        return newEmail;
    }

    /** Links a day past their expiry. */
    public void forgetOld() {
        em.createNativeQuery("DELETE FROM email_changes WHERE expires_at < now() - interval '1 day'").executeUpdate();
    }
}
