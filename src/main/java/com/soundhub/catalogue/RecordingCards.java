package com.soundhub.catalogue;

import java.util.List;
import java.util.Optional;

import com.soundhub.platform.database.SqlTimes;
import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.paging.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * Keyset-paginated lists of playable public recordings. Each query walks an index in its sort
 * order from the cursor and stops after one page, so the hundredth page costs what the first does.
 */
@ApplicationScoped
public class RecordingCards {

    /** Listed recordings are playable and public; the partial indexes of V2 and V4 carry the same condition. */
    static final String LISTED = "r.status = 'READY' AND r.visibility = 'PUBLIC'";

    private static final String COLUMNS = "r.id, r.public_id, r.title, o.nickname, r.duration_ms, r.like_count, "
            + "r.play_count, r.comment_count, r.published_at, g.name, r.cover_key";

    private static final String FROM = " FROM recordings r JOIN members o ON o.id = r.owner_id "
            + "LEFT JOIN genres g ON g.id = r.genre_id ";

    private static final String NEWEST_FIRST = " ORDER BY r.published_at DESC, r.id DESC";

    private static final String BEFORE_CURSOR = " AND (r.published_at, r.id) < (:afterValue, :afterId)";

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    public Slice<RecordingCard> latest(Optional<Cursor> after, int size) {
        return newestFirst("", null, after, size);
    }

    public Slice<RecordingCard> inGenre(int genreId, Optional<Cursor> after, int size) {
        return newestFirst(" AND r.genre_id = :subject", genreId, after, size);
    }

    public Slice<RecordingCard> withInstrument(int instrumentId, Optional<Cursor> after, int size) {
        return newestFirst(" AND r.id IN (SELECT ri.recording_id FROM recording_instruments ri WHERE ri.instrument_id = :subject)",
                instrumentId, after, size);
    }

    public Slice<RecordingCard> by(long ownerId, Optional<Cursor> after, int size) {
        return newestFirst(" AND r.owner_id = :subject", ownerId, after, size);
    }

    /** New recordings of the members {@code followerId} follows. */
    public Slice<RecordingCard> following(long followerId, Optional<Cursor> after, int size) {
        return newestFirst(" AND r.owner_id IN (SELECT f.followee_id FROM follows f WHERE f.follower_id = :subject)",
                followerId, after, size);
    }

    /** The most liked and played of the last seven days, as the trending job last ranked them. */
    public Slice<RecordingCard> trending(Optional<Cursor> after, int size) {
        String sql = "SELECT " + COLUMNS + ", t.score" + FROM + "JOIN trending_recordings t ON t.recording_id = r.id "
                + "WHERE " + LISTED + (after.isPresent() ? " AND (t.score, r.id) < (:afterValue, :afterId)" : "")
                + " ORDER BY t.score DESC, r.id DESC";
        Query query = em.createNativeQuery(sql);
        after.ifPresent(cursor -> query.setParameter("afterValue", cursor.value()).setParameter("afterId", cursor.id()));
        return slice(query, size);
    }

    /** What {@code memberId} liked, most recent like first. */
    public Slice<RecordingCard> likedBy(long memberId, Optional<Cursor> after, int size) {
        String sql = "SELECT " + COLUMNS + ", (extract(epoch FROM l.created_at) * 1000000)::bigint" + FROM
                + "JOIN recording_likes l ON l.recording_id = r.id AND l.member_id = :subject WHERE " + LISTED
                + (after.isPresent() ? " AND (l.created_at, r.id) < (:afterValue, :afterId)" : "")
                + " ORDER BY l.created_at DESC, r.id DESC";
        Query query = em.createNativeQuery(sql).setParameter("subject", memberId);
        after.ifPresent(cursor -> query.setParameter("afterValue", cursor.instant()).setParameter("afterId", cursor.id()));
        return slice(query, size);
    }

    /** Cards for recordings found elsewhere (search), in the given order, with their sort values. */
    public List<RecordingCard> byIds(List<Long> ids, List<Long> sortValues) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + ", 0" + FROM + "WHERE r.id IN (:subject)")
                .setParameter("subject", ids)
                .getResultList();
        java.util.Map<Long, RecordingCard> byId = new java.util.HashMap<>();
        for (Object[] row : rows) {
            RecordingCard card = card(row);
            byId.put(card.id(), card);
        }
        List<RecordingCard> ordered = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            RecordingCard card = byId.get(ids.get(i));
            if (card != null) {
                ordered.add(new RecordingCard(card.id(), card.publicId(), card.title(), card.ownerNickname(),
                        card.durationMs(), card.likeCount(), card.playCount(), card.commentCount(), card.publishedAt(),
                        card.genreName(), card.coverKey(), sortValues.get(i)));
            }
        }
        return ordered;
    }

    private Slice<RecordingCard> newestFirst(String condition, Object conditionValue, Optional<Cursor> after, int size) {
        String sql = "SELECT " + COLUMNS + ", (extract(epoch FROM r.published_at) * 1000000)::bigint" + FROM
                + "WHERE " + LISTED + condition + (after.isPresent() ? BEFORE_CURSOR : "") + NEWEST_FIRST;
        Query query = em.createNativeQuery(sql);
        if (conditionValue != null) {
            query.setParameter("subject", conditionValue);
        }
        after.ifPresent(cursor -> query.setParameter("afterValue", cursor.instant()).setParameter("afterId", cursor.id()));
        return slice(query, size);
    }

    @SuppressWarnings("unchecked")
    private static Slice<RecordingCard> slice(Query query, int size) {
        List<Object[]> rows = query.setMaxResults(size + 1).getResultList();
        return Slice.of(rows.stream().map(RecordingCards::card).toList(), size, RecordingCard::cursor);
    }

    private static RecordingCard card(Object[] row) {
        return new RecordingCard(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                row[4] == null ? null : ((Number) row[4]).intValue(), ((Number) row[5]).intValue(),
                ((Number) row[6]).intValue(), ((Number) row[7]).intValue(), SqlTimes.instant(row[8]), (String) row[9],
                (String) row[10], ((Number) row[11]).longValue());
    }

}
