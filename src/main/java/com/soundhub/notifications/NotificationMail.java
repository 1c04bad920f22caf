package com.soundhub.notifications;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.Member;
import com.soundhub.accounts.MemberDeleted;
import com.soundhub.mail.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Notifications by mail for members who ask for them: the kinds they choose (none until they do),
 * gathered in one digest a day at most, with a link that turns them off in one click. Mails go
 * through the mail queue; the digests are made by {@link NotificationDigestJob}.
 */
@ApplicationScoped
@Transactional
public class NotificationMail {

    static final Duration DIGEST_EVERY = Duration.ofDays(1);
    static final int MOST_LISTED = 20;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    Mailer mailer;

    @Inject
    @ConfigProperty(name = "soundhub.site-url")
    Optional<String> siteUrl;

    private static final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    /** The kinds the member gets mail about; none unless they chose some. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<NotificationKind> chosenKinds(long memberId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT array_to_string(kinds, ',') FROM notification_mail_settings WHERE member_id = ?1")
                .setParameter(1, memberId).getResultList();
        return rows.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : kinds((String) rows.get(0));
    }

    /**
     * Mail about these kinds from now on. {@code siteOrigin} is where the links in the mails lead
     * unless the site's address ({@code soundhub.site-url}) is set.
     */
    public void choose(long memberId, Set<NotificationKind> kinds, String siteOrigin) {
        String list = kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        em.createNativeQuery("INSERT INTO notification_mail_settings (member_id, kinds, unsubscribe_token, site_origin, updated_at) "
                        + "VALUES (?1, string_to_array(?2, ',')::varchar(12)[], ?3, ?4, ?5) "
                        + "ON CONFLICT (member_id) DO UPDATE SET kinds = excluded.kinds, site_origin = excluded.site_origin, "
                        + "updated_at = excluded.updated_at")
                .setParameter(1, memberId).setParameter(2, list).setParameter(3, newToken()).setParameter(4, siteOrigin)
                .setParameter(5, clock.instant()).executeUpdate();
    }

    /** Whose mail a token turns off, if it is one of ours. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> nicknameFor(String token) {
        return memberFor(token).flatMap(accounts::member).map(Member::getNickname);
    }

    /** Turns all notification mail off for the member the token belongs to; false when it is nobody's. */
    public boolean unsubscribe(String token) {
        if (token == null || !token.matches("[0-9a-f]{64}")) {
            return false;
        }
        return em.createNativeQuery("UPDATE notification_mail_settings SET kinds = '{}', updated_at = ?2 WHERE unsubscribe_token = ?1")
                .setParameter(1, token).setParameter(2, clock.instant()).executeUpdate() > 0;
    }

    /** Mails the digests that are due; returns how many. */
    public int sendDueDigests(int most) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT s.member_id, array_to_string(s.kinds, ','), s.unsubscribe_token, s.site_origin, "
                        + "coalesce(s.last_digest_at, s.updated_at) FROM notification_mail_settings s "
                        + "WHERE cardinality(s.kinds) > 0 AND (s.last_digest_at IS NULL OR s.last_digest_at <= ?1) "
                        + "AND EXISTS (SELECT 1 FROM notifications n WHERE n.recipient_id = s.member_id AND n.read_at IS NULL "
                        + "  AND n.kind = ANY (s.kinds) AND n.created_at > coalesce(s.last_digest_at, s.updated_at)) "
                        + "ORDER BY s.member_id LIMIT ?2 FOR UPDATE OF s SKIP LOCKED")
                .setParameter(1, now.minus(DIGEST_EVERY)).setParameter(2, most).getResultList();
        for (Object[] row : due) {
            long memberId = ((Number) row[0]).longValue();
            Instant since = com.soundhub.platform.database.SqlTimes.instant(row[4]);
            accounts.member(memberId).filter(Member::isActive).filter(member -> member.getEmail() != null).ifPresent(member ->
                    mailDigest(member, kinds((String) row[1]), since, origin((String) row[3]), (String) row[2]));
            em.createNativeQuery("UPDATE notification_mail_settings SET last_digest_at = ?2 WHERE member_id = ?1")
                    .setParameter(1, memberId).setParameter(2, now).executeUpdate();
        }
        return due.size();
    }

    /** A deleted member gets no more mail. */
    public void onMemberDeleted(@Observes MemberDeleted deletion) {
        em.createNativeQuery("DELETE FROM notification_mail_settings WHERE member_id = ?1").setParameter(1, deletion.memberId())
                .executeUpdate();
    }

    private void mailDigest(Member member, Set<NotificationKind> kinds, Instant since, String origin, String token) {
        List<Notification> news = em.createQuery("SELECT n FROM Notification n JOIN FETCH n.actor LEFT JOIN FETCH n.recording "
                        + "WHERE n.recipientId = :member AND n.readAt IS NULL AND n.kind IN :kinds AND n.createdAt > :since "
                        + "ORDER BY n.id DESC", Notification.class)
                .setParameter("member", member.getId()).setParameter("kinds", kinds).setParameter("since", since)
                .setMaxResults(MOST_LISTED + 1).getResultList();
        StringBuilder list = new StringBuilder();
        news.stream().limit(MOST_LISTED).forEach(notification -> list.append("- ").append(notification.describe()).append("\n  ")
                .append(origin).append(notification.getLink()).append("\n"));
        if (news.size() > MOST_LISTED) {
            list.append("- and more\n");
        }
        String unsubscribe = origin + "/notifications/unsubscribe?token=" + token;
        String kindWords = kinds.stream().map(NotificationKind::getLabel).collect(Collectors.joining(", "));
        Map<String, String> headers = new LinkedHashMap<>();
        // RFC 8058: mail programs offer their own "Unsubscribe" button, which posts to this address.
        headers.put("List-Unsubscribe", "<" + origin + NotificationUnsubscribeServlet.PATH + "?token=" + token + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mailer.send(member.getEmail(), "SoundHub: what happened since your last mail", """
                Hello %s,

                %s

                All your notifications: %s/notifications

                You get this mail (once a day at most) because you asked for mail about: %s.
                Change that in your settings: %s/settings/notifications
                Stop these mails with one click: %s

                SoundHub
                """.formatted(member.getNickname(), list.toString().strip(), origin, kindWords, origin, unsubscribe), headers);
    }

    private Optional<Long> memberFor(String token) {
        if (token == null || !token.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return em.createNativeQuery("SELECT member_id FROM notification_mail_settings WHERE unsubscribe_token = ?1")
                .setParameter(1, token).getResultStream().findFirst().map(id -> ((Number) id).longValue());
    }

    private String origin(String storedOrigin) {
        return siteUrl.filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", "")).orElse(storedOrigin);
    }

    private static Set<NotificationKind> kinds(String list) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        Arrays.stream(list == null ? new String[0] : list.split(",")).filter(name -> !name.isBlank())
                .forEach(name -> kinds.add(NotificationKind.valueOf(name)));
        return kinds;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
