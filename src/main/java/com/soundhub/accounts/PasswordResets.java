package com.soundhub.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.soundhub.mail.Mailer;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * "Forgot password": a link by mail, single use, good for an hour, kept only as the hash of its
 * token. The answer to a request is the same whether or not the address has an account, and
 * requests are limited per address and per client; using the link signs out every session.
 */
@ApplicationScoped
@Transactional
public class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);
    /** One mail per address in this long: a second request is answered alike and sends nothing. */
    static final Duration PER_ADDRESS_WINDOW = Duration.ofMinutes(15);
    /** Requests one client may make in an hour before they stop sending mail. */
    static final int PER_CLIENT_PER_HOUR = 10;

    static final String INVALID = "This link is not valid: it may have been cut short in your mail. Ask for a new one below.";
    static final String USED = "This link was used already. Ask for a new one below if you need to.";
    static final String EXPIRED = "This link has expired: links work for an hour. Ask for a new one below.";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    PasswordHasher passwords;

    @Inject
    SessionService sessions;

    @Inject
    SignInThrottle throttle;

    @Inject
    Mailer mailer;

    private final Clock clock = Clock.systemUTC();

    /**
     * Mails a reset link to {@code email} if it is an active member's and the limits allow; does
     * nothing otherwise, so that the caller answers alike. {@code siteOrigin} begins the link.
     */
    public void request(String email, String clientAddress, String siteOrigin) {
        String address = email.strip();
        Instant now = clock.instant();
        long sameAddress = count("SELECT count(*) FROM password_reset_requests WHERE lower(email) = lower(?1) AND at > ?2",
                address, now.minus(PER_ADDRESS_WINDOW));
        long sameClient = count("SELECT count(*) FROM password_reset_requests WHERE client_address = ?1 AND at > ?2",
                clientAddress, now.minus(Duration.ofHours(1)));
        em.createNativeQuery("INSERT INTO password_reset_requests (email, client_address, at) VALUES (?1, ?2, ?3)")
                .setParameter(1, address).setParameter(2, clientAddress).setParameter(3, now).executeUpdate();
        if (sameAddress > 0 || sameClient >= PER_CLIENT_PER_HOUR) {
            return;
        }
        Optional<Member> member = members.findByEmail(address).filter(Member::isActive);
        if (member.isEmpty()) {
            return;
        }
        String token = MailedLinks.newToken();
        em.createNativeQuery("INSERT INTO password_resets (member_id, token_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, member.get().getId()).setParameter(2, SessionService.hash(token)).setParameter(3, now)
                .setParameter(4, now.plus(VALID_FOR)).executeUpdate();
        mailer.send(member.get().getEmail(), "Reset your SoundHub password", """
                Hello %s,

                Someone (we hope you) asked to reset the password of your SoundHub account. Choose a
                new one here within the hour:

                %s/password/reset?token=%s

                The link works once. If you did not ask, ignore this mail: your password stays as it is.

                SoundHub
                """.formatted(member.get().getNickname(), siteOrigin, token));
    }

    /**
     * Who the link in {@code token} resets the password of.
     *
     * @throws RuleViolation on "token" when the link is not valid, was used or has expired
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String nicknameFor(String token) {
        return members.findById(usable(token, false)).map(Member::getNickname).orElseThrow(() -> new RuleViolation("token", INVALID));
    }

    /** Sets the new password, uses up every open link of the member and ends all their sessions; returns their email. */
    public String reset(String token, String newPassword) {
        long memberId = usable(token, true);
        Member member = members.findByIdForUpdate(memberId).filter(Member::isActive).orElseThrow(() -> new RuleViolation("token", INVALID));
        PasswordPolicy.problemWith(newPassword, member.getEmail(), member.getNickname()).ifPresent(problem -> {
            throw new RuleViolation("password", problem);
        });
        members.replacePasswordHash(memberId, passwords.hash(newPassword), true);
        // Following the link proved the address is theirs.
        member.confirmEmail(clock.instant());
        em.createNativeQuery("UPDATE password_resets SET used_at = ?2 WHERE member_id = ?1 AND used_at IS NULL")
                .setParameter(1, memberId).setParameter(2, clock.instant()).executeUpdate();
        sessions.closeAll(memberId);
        throttle.recordSuccess(member.getEmail());
        return member.getEmail();
    }

    /** The member a link is for, if it can still be used. */
    private long usable(String token, boolean lock) {
        return MailedLinks.usable(em, "password_resets", "member_id", token, lock, clock.instant(), INVALID, USED, EXPIRED).memberId();
    }

    /** Links a day past their expiry, and requests older than the limits look back. */
    public void forgetOld() {
        em.createNativeQuery("DELETE FROM password_resets WHERE expires_at < now() - interval '1 day'").executeUpdate();
        em.createNativeQuery("DELETE FROM password_reset_requests WHERE at < now() - interval '1 day'").executeUpdate();
    }

    private long count(String sql, String value, Instant since) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, value).setParameter(2, since).getSingleResult()).longValue();
    }
}
