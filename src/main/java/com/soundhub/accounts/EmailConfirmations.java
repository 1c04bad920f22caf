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
 * The address a member signed up with is confirmed by following a link mailed to it (single use, a
 * day, kept hashed). Until then the member browses and listens, and the services that let members
 * put something before others (uploads, comments, messages, projects, generated pieces) ask
 * {@link #requireConfirmed} first.
 */
@ApplicationScoped
@Transactional
public class EmailConfirmations {

    static final Duration VALID_FOR = Duration.ofDays(1);
    /** A member asks for the link again at most this often, so the site cannot be made to flood an inbox. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(5);

    static final String INVALID = "This link is not valid: it may have been cut short in your mail. Ask for a new one in your settings.";
    static final String USED = "This link was used already: your address is confirmed.";
    static final String EXPIRED = "This link has expired: links work for a day. Ask for a new one in your settings.";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Mailer mailer;

    private final Clock clock = Clock.systemUTC();

    /** Refuses a member who has not confirmed their address yet, saying what to do. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireConfirmed(long memberId) {
        Object confirmed = em.createNativeQuery("SELECT email_confirmed_at IS NOT NULL FROM members WHERE id = ?1")
                .setParameter(1, memberId).getResultStream().findFirst().orElse(Boolean.FALSE);
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new EmailNotConfirmed();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isConfirmed(long memberId) {
        try {
            requireConfirmed(memberId);
            return true;
        } catch (EmailNotConfirmed notYet) {
            return false;
        }
    }

    /** Mails a new link to the member's address, unless it is confirmed or a link went out a moment ago. */
    public void mailLink(long memberId, String siteOrigin) {
        Member member = members.findByIdForUpdate(memberId).filter(Member::isActive).orElseThrow(NotSignedInException::new);
        if (member.isEmailConfirmed()) {
            throw new RuleViolation("_form", "Your email address is confirmed already.");
        }
        Instant now = clock.instant();
        Number recent = (Number) em.createNativeQuery("SELECT count(*) FROM email_confirmations WHERE member_id = ?1 AND created_at > ?2")
                .setParameter(1, memberId).setParameter(2, now.minus(RESEND_AFTER)).getSingleResult();
        if (recent.longValue() > 0) {
            throw new RuleViolation("_form", "We sent you a link less than " + RESEND_AFTER.toMinutes()
                    + " minutes ago. Look in your inbox (and its spam folder), or ask again in a few minutes.");
        }
        String token = MailedLinks.newToken();
        em.createNativeQuery("INSERT INTO email_confirmations (member_id, token_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, memberId).setParameter(2, SessionService.hash(token)).setParameter(3, now)
                .setParameter(4, now.plus(VALID_FOR)).executeUpdate();
        mailer.send(member.getEmail(), "Confirm your email address for SoundHub", """
                Hello %s,

                Welcome to SoundHub! To upload, comment and send messages, confirm that this address is
                yours by following this link within a day:

                %s/email/confirm?token=%s

                If you did not sign up, ignore this mail: nothing happens without the link.

                SoundHub
                """.formatted(member.getNickname(), siteOrigin, token));
    }

    /** Whose address a link confirms. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String nicknameFor(String token) {
        long memberId = MailedLinks.usable(em, "email_confirmations", "member_id", token, false, clock.instant(), INVALID, USED, EXPIRED)
                .memberId();
        return members.findById(memberId).filter(Member::isActive).map(Member::getNickname)
                .orElseThrow(() -> new RuleViolation("token", INVALID));
    }

    /** Confirms the address the link was sent to; returns the member's nickname. */
    public String confirm(String token) {
        MailedLinks.Found link = MailedLinks.usable(em, "email_confirmations", "member_id", token, true, clock.instant(), INVALID, USED, EXPIRED);
        Member member = members.findByIdForUpdate(link.memberId()).filter(Member::isActive)
                .orElseThrow(() -> new RuleViolation("token", INVALID));
        member.confirmEmail(clock.instant());
        em.createNativeQuery("UPDATE email_confirmations SET used_at = ?2 WHERE member_id = ?1 AND used_at IS NULL")
                .setParameter(1, member.getId()).setParameter(2, clock.instant()).executeUpdate();
        return member.getNickname();
    }

    /**
     * Confirms without a link, for addresses known to be the member's: the demo members of a local
     * run, and people whose identity provider says it verified the address.
     */
    public void confirmWithoutLink(long memberId) {
        members.findByIdForUpdate(memberId).ifPresent(member -> member.confirmEmail(clock.instant()));
    }

    /** Links a day past their expiry. */
    public void forgetOld() {
        em.createNativeQuery("DELETE FROM email_confirmations WHERE expires_at < now() - interval '1 day'").executeUpdate();
    }
}
