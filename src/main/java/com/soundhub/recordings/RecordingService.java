package com.soundhub.recordings;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.soundhub.accounts.Member;
import com.soundhub.accounts.MemberAdministration;
import com.soundhub.accounts.MemberDeleted;
import com.soundhub.accounts.PersonalDataZip;
import com.soundhub.accounts.MemberReinstated;
import com.soundhub.accounts.MemberSuspended;
import com.soundhub.platform.database.Like;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.storage.ObjectStorage;
import com.soundhub.storage.PurgeObjectsJob;
import com.soundhub.taxonomy.Genre;
import com.soundhub.taxonomy.TaxonomyService;
import com.soundhub.web.PublicPageNotices;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The rules of recordings: who may see, hear, change and delete one. Anything a visitor may not
 * see answers "not found", so private recordings do not even reveal that they exist.
 */
@ApplicationScoped
@Transactional
public class RecordingService {

    /** Signed segment URLs stay valid this long: enough to listen, too short to share the playlist. */
    static final Duration SEGMENT_URL_LIFETIME = Duration.ofMinutes(30);

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    Event<RecordingDeleting> deleting;

    @Inject
    MemberAdministration administration;

    @Inject
    RecordingRepository recordings;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    ObjectStorage storage;

    @Inject
    PurgeObjectsJob purge;

    @Inject
    PublicPageNotices pageNotices;

    private final Clock clock = Clock.systemUTC();

    /** A new recording, waiting for its audio. */
    public Recording create(long ownerId, RecordingDetails details, Origin origin) {
        Recording recording = new Recording(PublicIds.next(), em.getReference(Member.class, ownerId), origin, clock.instant());
        describe(recording, details);
        recordings.add(recording);
        return recording;
    }

    /**
     * A new recording of audio finished elsewhere (a project's master), playable at once. Its
     * original and rendition are copied under the recording's own prefix, so that it outlives its
     * source, and deleting it deletes only its copies.
     */
    public Recording createFrom(long ownerId, RecordingDetails details, Origin origin, FinishedAudio audio, MadeIn madeIn) {
        Recording recording = create(ownerId, details, origin);
        String prefix = recording.storagePrefix();
        String originalKey = prefix + "original" + audio.fileName().substring(Math.max(0, audio.fileName().lastIndexOf('.')));
        storage.copy(audio.originalKey(), originalKey);
        recording.attachOriginal(originalKey, audio.fileName(), audio.contentType(), audio.size());
        String hlsPrefix = prefix + "hls/";
        for (String name : segmentNames(audio.playlist())) {
            storage.copy(audio.hlsPrefix() + name, hlsPrefix + name);
        }
        recording.publish(new MediaRendition(hlsPrefix, audio.playlist(), audio.durationSeconds(), audio.loudnessLufs(), audio.peaks()),
                clock.instant());
        recording.madeIn(madeIn);
        pageNotices.everythingChanged();
        return recording;
    }

    /** The files an HLS playlist names: its segments and its initialisation segment. */
    static List<String> segmentNames(String playlist) {
        List<String> names = new ArrayList<>();
        Matcher map = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"").matcher(playlist);
        while (map.find()) {
            names.add(map.group(1));
        }
        playlist.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
        return names;
    }

    public void attachOriginal(long recordingId, String key, String name, String type, long size) {
        recordings.findById(recordingId).orElseThrow(NotFound::new).attachOriginal(key, name, type, size);
    }

    /** The audio is processed: the recording becomes playable. */
    public void publish(long recordingId, MediaRendition media) {
        recordings.findById(recordingId).orElseThrow(NotFound::new).publish(media, clock.instant());
    }

    /** A generated piece got its name from the composer. */
    public void retitle(long recordingId, String title) {
        recordings.findById(recordingId).ifPresent(recording -> recording.retitle(title, clock.instant()));
    }

    public Recording changeVisibility(String publicId, long memberId, Visibility visibility) {
        Recording recording = editable(publicId, memberId);
        recording.show(visibility, clock.instant());
        pageNotices.everythingChanged();
        return recording;
    }

    public void markFailed(long recordingId) {
        recordings.findById(recordingId).ifPresent(recording -> recording.fail(clock.instant()));
    }

    public void markProcessing(long recordingId) {
        recordings.findById(recordingId).ifPresent(recording -> recording.reprocess(clock.instant()));
    }

    /**
     * The recording, if {@code viewerId} may see it: the owner always, admins when a moderator hid
     * it, others only when it is playable and not private (unlisted ones play for anyone who has
     * the link).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Recording viewable(String publicId, Optional<Long> viewerId) {
        return viewable(recordings.findByPublicId(publicId).orElseThrow(NotFound::new), viewerId);
    }

    /** As {@link #viewable(String, Optional)}, for a recording known by its id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Recording viewable(long recordingId, Optional<Long> viewerId) {
        return viewable(recordings.findById(recordingId).orElseThrow(NotFound::new), viewerId);
    }

    private Recording viewable(Recording recording, Optional<Long> viewerId) {
        if (recording.isOwnedBy(viewerId.orElse(null))) {
            return recording;
        }
        // Admins see what moderators hid, to review it; such a page is never kept for everyone,
        // as it answers "not found" when rendered for nobody.
        if (recording.isHidden() && viewerId.isPresent() && administration.isAdmin(viewerId.get())) {
            return recording;
        }
        if (!recording.isReady() || recording.getVisibility() == Visibility.PRIVATE) {
            throw new NotFound();
        }
        return recording;
    }

    /** The playlist for a listener allowed to hear it, its segments signed for a short time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String playlist(String publicId, Optional<Long> viewerId) {
        Recording recording = viewable(publicId, viewerId);
        if (!recording.isReady() || recording.getHlsPlaylist() == null) {
            throw new NotFound();
        }
        String prefix = recording.getHlsPrefix();
        return PlaylistSigner.sign(recording.getHlsPlaylist(),
                segment -> storage.presignDownload(prefix + segment, SEGMENT_URL_LIFETIME).toString());
    }

    /** For the owner's edit page; others get "not found". */
    public Recording editable(String publicId, long memberId) {
        Recording recording = recordings.findByPublicId(publicId).orElseThrow(NotFound::new);
        if (!recording.isOwnedBy(memberId)) {
            throw new NotFound();
        }
        return recording;
    }

    public Recording update(String publicId, long memberId, RecordingDetails details) {
        Recording recording = editable(publicId, memberId);
        describe(recording, details);
        pageNotices.everythingChanged();
        return recording;
    }

    /**
     * Records a stored picture as the owner's cover of the recording; returns the key of the one it
     * replaces. Lists and pages everywhere show the new picture at once.
     */
    public Optional<String> useCover(String publicId, long memberId, String key) {
        Recording recording = editable(publicId, memberId);
        String replaced = recording.useCover(key, clock.instant());
        pageNotices.everythingChanged();
        return Optional.ofNullable(replaced);
    }

    /**
     * Hides the recording for a moderator: private to its owner, who is told why, until it is shown
     * again with the visibility it had.
     */
    public Recording hide(long adminId, String publicId, String reason) {
        administration.requireAdmin(adminId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new RuleViolation("reason", "Say why in at most 500 characters: the owner is shown the reason.");
        }
        Recording recording = recordings.findByPublicId(publicId).orElseThrow(NotFound::new);
        recording.hide(why, clock.instant());
        pageNotices.everythingChanged();
        return recording;
    }

    /** A recording as the back office lists it. */
    public record AdministeredRecording(long id, String publicId, String title, String owner, Visibility visibility,
                                        RecordingStatus status, Origin origin, String hiddenReason, java.time.Instant createdAt,
                                        int plays) {
    }

    /** How the back office's recording list is ordered; each order pages by its own keyset cursor. */
    public enum AdminOrder {
        NEWEST("r.id < :id", "r.id DESC"),
        OLDEST("r.id > :id", "r.id"),
        MOST_PLAYED("(r.playCount < :plays OR (r.playCount = :plays AND r.id < :id))", "r.playCount DESC, r.id DESC");

        private final String afterCondition;
        private final String orderBy;

        AdminOrder(String afterCondition, String orderBy) {
            this.afterCondition = afterCondition;
            this.orderBy = orderBy;
        }

        /** Where the page after {@code row} starts. */
        public String cursorOf(AdministeredRecording row) {
            return this == MOST_PLAYED ? row.plays() + "-" + row.id() : String.valueOf(row.id());
        }

        private boolean accepts(String cursor) {
            return cursor.matches(this == MOST_PLAYED ? "[0-9]{1,9}-[0-9]{1,18}" : "[0-9]{1,18}");
        }
    }

    /**
     * Which recordings the back office lists: text in the title or the owner's nickname, only
     * hidden ones, one origin, one owner (null: anyone's).
     */
    public record AdminFilter(String query, boolean hiddenOnly, Origin origin, Long ownerId) {
    }

    /** Recordings for the back office in {@code order}, after {@code after} (an {@link AdminOrder#cursorOf} cursor) when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AdministeredRecording> administered(long adminId, AdminFilter filter, AdminOrder order, Optional<String> after,
                                                    int limit) {
        administration.requireAdmin(adminId);
        Optional<String> cursor = after.filter(order::accepts);
        StringBuilder jpql = new StringBuilder("SELECT r FROM Recording r JOIN FETCH r.owner o WHERE ")
                .append(cursor.isPresent() ? order.afterCondition : "1 = 1");
        String query = filter.query() == null ? "" : filter.query().strip().toLowerCase(java.util.Locale.ROOT);
        if (!query.isEmpty()) {
            jpql.append(" AND (lower(r.title) LIKE :query OR lower(o.nickname) LIKE :query)");
        }
        if (filter.hiddenOnly()) {
            jpql.append(" AND r.hiding.reason IS NOT NULL");
        }
        if (filter.origin() != null) {
            jpql.append(" AND r.origin = :origin");
        }
        if (filter.ownerId() != null) {
            jpql.append(" AND o.id = :owner");
        }
        var select = em.createQuery(jpql.append(" ORDER BY ").append(order.orderBy).toString(), Recording.class).setMaxResults(limit);
        cursor.ifPresent(value -> {
            String[] parts = value.split("-");
            select.setParameter("id", Long.parseLong(parts[parts.length - 1]));
            if (order == AdminOrder.MOST_PLAYED) {
                select.setParameter("plays", Integer.parseInt(parts[0]));
            }
        });
        if (!query.isEmpty()) {
            select.setParameter("query", Like.containing(query));
        }
        if (filter.origin() != null) {
            select.setParameter("origin", filter.origin());
        }
        if (filter.ownerId() != null) {
            select.setParameter("owner", filter.ownerId());
        }
        return select.getResultList().stream()
                .map(r -> new AdministeredRecording(r.getId(), r.getPublicId(), r.getTitle(), r.getOwner().getNickname(),
                        r.getVisibility(), r.getStatus(), r.getOrigin(), r.getHiddenReason(), r.getCreatedAt(), r.getPlayCount()))
                .toList();
    }

    /** One recording as the member's data download describes it, and where its original is kept. */
    public record Exported(java.util.Map<String, Object> facts, String originalKey, String file) {
    }

    /** The member's recordings for their data download, read before any file is sent. */
    public List<Exported> exportedFor(long memberId) {
        List<Exported> exported = new java.util.ArrayList<>();
        for (Recording recording : em.createQuery("SELECT r FROM Recording r LEFT JOIN FETCH r.genre WHERE r.owner.id = :owner "
                + "ORDER BY r.id", Recording.class).setParameter("owner", memberId).getResultList()) {
            String file = recording.getOriginalKey() == null ? null : "recordings/" + recording.getPublicId() + "/"
                    + PersonalDataZip.safeName(recording.getOriginalName() == null ? "original" : recording.getOriginalName());
            java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
            facts.put("id", recording.getPublicId());
            facts.put("title", recording.getTitle());
            facts.put("description", recording.getDescription());
            facts.put("genre", recording.getGenre() == null ? null : recording.getGenre().getName());
            facts.put("tags", List.copyOf(recording.getTags()));
            facts.put("licence", recording.getLicense().name());
            facts.put("visibility", recording.getVisibility().name());
            facts.put("hiddenByModerator", recording.getHiddenReason());
            facts.put("madeBy", recording.getOrigin().name());
            facts.put("durationMs", recording.getDurationMs());
            facts.put("plays", recording.getPlayCount());
            facts.put("likes", recording.getLikeCount());
            facts.put("addedAt", recording.getCreatedAt().toString());
            facts.put("publishedAt", recording.getPublishedAt() == null ? null : recording.getPublishedAt().toString());
            facts.put("originalFile", file);
            exported.add(new Exported(facts, recording.getOriginalKey(), file));
        }
        return exported;
    }

    /** Recordings made one way (uploads, generated pieces, mixdowns): how many, how many hidden, the bytes of their originals. */
    public record OriginFigures(Origin origin, long recordings, long hidden, long originalBytes) {
    }

    /** What the dashboard shows of recordings, by how they were made. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OriginFigures> figures(long adminId) {
        administration.requireAdmin(adminId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT origin, count(*), count(*) FILTER (WHERE hidden_reason IS NOT NULL), "
                + "coalesce(sum(original_size), 0) FROM recordings GROUP BY origin ORDER BY origin").getResultList();
        return rows.stream().map(row -> new OriginFigures(Origin.valueOf(row[0].toString()), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue())).toList();
    }

    /** What a list of other things (comments in the back office) shows of a recording. */
    public record RecordingLabel(long id, String publicId, String title) {
    }

    /** Labels of the recordings with these ids, whoever may see them: for the back office's lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Long, RecordingLabel> labels(long adminId, java.util.Collection<Long> ids) {
        administration.requireAdmin(adminId);
        return labels(ids);
    }

    /** Labels of those of the recordings {@code memberId} may see now (not private, or theirs). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Long, RecordingLabel> labelsVisibleTo(long memberId, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return labels(em.createQuery("SELECT r.id FROM Recording r WHERE r.id IN :ids AND (r.visibility <> :private OR r.owner.id = :member)",
                Long.class).setParameter("ids", ids).setParameter("private", Visibility.PRIVATE).setParameter("member", memberId)
                .getResultList());
    }

    private java.util.Map<Long, RecordingLabel> labels(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, RecordingLabel> labels = new java.util.HashMap<>();
        em.createQuery("SELECT r.id, r.publicId, r.title FROM Recording r WHERE r.id IN :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> labels.put((Long) row[0], new RecordingLabel((Long) row[0], (String) row[1], (String) row[2])));
        return labels;
    }

    /** A suspended member's recordings are hidden with them; the owner sees why. */
    void hideWithOwner(@Observes MemberSuspended suspension) {
        String why = "Hidden while its owner is suspended: " + suspension.reason();
        em.createQuery("SELECT r FROM Recording r WHERE r.owner.id = :owner", Recording.class)
                .setParameter("owner", suspension.memberId())
                .getResultList()
                .forEach(recording -> recording.hideWithOwner(why.length() > 500 ? why.substring(0, 500) : why, clock.instant()));
        pageNotices.everythingChanged();
    }

    /**
     * A deleted member's recordings are deleted with their audio when their content is removed;
     * kept ones are shown again if they were hidden only because their owner was suspended. Runs
     * after the other features' observers, which may still read the recordings.
     */
    void onOwnerDeleted(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) MemberDeleted deletion) {
        List<Recording> theirs = em.createQuery("SELECT r FROM Recording r WHERE r.owner.id = :owner", Recording.class)
                .setParameter("owner", deletion.memberId())
                .getResultList();
        if (deletion.contentRemoved()) {
            theirs.forEach(this::remove);
        } else {
            theirs.forEach(recording -> recording.showWithOwner(clock.instant()));
            pageNotices.everythingChanged();
        }
    }

    /** A reinstated member's recordings come back, except those a moderator hid for a reason of their own. */
    void showWithOwner(@Observes MemberReinstated reinstatement) {
        em.createQuery("SELECT r FROM Recording r WHERE r.owner.id = :owner", Recording.class)
                .setParameter("owner", reinstatement.memberId())
                .getResultList()
                .forEach(recording -> recording.showWithOwner(clock.instant()));
        pageNotices.everythingChanged();
    }

    /** Shows a hidden recording again, as it was before. */
    public Recording unhide(long adminId, String publicId) {
        administration.requireAdmin(adminId);
        Recording recording = recordings.findByPublicId(publicId).orElseThrow(NotFound::new);
        recording.unhide(clock.instant());
        pageNotices.everythingChanged();
        return recording;
    }

    /** Deletes the recording; its stored audio is deleted by a job that retries until it is gone. */
    public void delete(String publicId, long memberId) {
        remove(editable(publicId, memberId));
    }

    /** Deletes the recording for an admin, whoever owns it; returns its title for the audit log. */
    public String deleteForAdmin(long adminId, String publicId) {
        administration.requireAdmin(adminId);
        Recording recording = recordings.findByPublicId(publicId).orElseThrow(NotFound::new);
        String title = recording.getTitle();
        remove(recording);
        return title;
    }

    private void remove(Recording recording) {
        deleting.fire(new RecordingDeleting(recording.getId()));
        purge.purge(recording.storagePrefix());
        pageNotices.everythingChanged();
        recordings.remove(recording);
    }

    /**
     * Counts a like given ({@code +1}) or taken back ({@code -1}) and returns the new count. The
     * count shows fresh in the liker's part of the page; others see it within the pages' lifetime.
     */
    public int countLike(long recordingId, int by) {
        return adjust("like_count", recordingId, by);
    }

    /** Counts a comment posted or deleted; the recording's page shows the change to everyone at once. */
    public void countComment(long recordingId, String publicId, int by) {
        adjust("comment_count", recordingId, by);
        pageNotices.pageChanged("/recordings/" + publicId);
    }

    /** Counts comments taken away from many recordings at once (a deleted member's), by recording id. */
    public void uncountComments(java.util.Map<Long, Integer> removedByRecording) {
        removedByRecording.forEach((recordingId, removed) -> adjust("comment_count", recordingId, -removed));
        pageNotices.everythingChanged();
    }

    /** Counts a play. */
    public void countPlay(long recordingId) {
        adjust("play_count", recordingId, 1);
    }

    /** One atomic update of a counter column, never below zero, however many count at once. */
    private int adjust(String counter, long recordingId, int by) {
        Object count = em.createNativeQuery("UPDATE recordings SET " + counter + " = greatest(0, " + counter + " + ?2) "
                        + "WHERE id = ?1 RETURNING " + counter)
                .setParameter(1, recordingId).setParameter(2, by)
                .getSingleResult();
        return ((Number) count).intValue();
    }

    /** The member's playable public recordings, newest first: what anyone may see listed. */
    public List<Recording> publicBy(long memberId, int limit) {
        return recordings.publicBy(memberId, limit);
    }

    public List<Recording> latestPublic(int limit) {
        return recordings.latestPublic(limit);
    }

    public List<Recording> ownedBy(long memberId) {
        return recordings.ownedBy(memberId, 500);
    }

    private void describe(Recording recording, RecordingDetails details) {
        Genre genre = null;
        if (details.genreId() != null) {
            genre = taxonomy.genres(List.of(details.genreId())).stream().findFirst()
                    .orElseThrow(() -> new RuleViolation("genre", "Choose a genre from the list."));
        }
        recording.describe(details, genre, taxonomy.instruments(details.instrumentIds()), clock.instant());
    }
}
