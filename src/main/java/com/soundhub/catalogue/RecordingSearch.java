package com.soundhub.catalogue;

import java.util.List;
import java.util.Optional;

import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.paging.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Listed recordings found by their words (full-text on title, description, tags, genre and
 * instruments, title words weighing most, plus trigram similarity on titles for typos when the
 * words find less than a page) and filters, and the tags that match words. Keyset-paginated on the
 * sort value, relevance scores included (as whole numbers, so that the cursor compares exactly).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RecordingSearch {

    /**
     * What to look for: a prefix {@code tsQuery} and the normalised {@code words} it came from (both
     * empty for filters alone); null filters are not applied; {@code license} is a licence's name.
     */
    public record Criteria(String tsQuery, String words, Short genreId, Short instrumentId, String license, String tag,
                           boolean byDate, Optional<Cursor> after, int pageSize) {
    }

    /** A tag and how many listed recordings carry it. */
    public record TagCount(String tag, long count) {
    }

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    RecordingCards cards;

    /** A page of the recordings that match, best (or newest) first. */
    public Slice<RecordingCard> find(Criteria criteria) {
        List<Object[]> rows = matches(criteria, false);
        if (!criteria.tsQuery().isEmpty() && rows.size() <= criteria.pageSize()) {
            // Titles that are only similar (typos) are looked for when the words themselves run out:
            // checking similarity for every recording that has a common word costs more than the
            // rest of the search, and adds nothing that the exact matches do not show first.
            rows = matches(criteria, true);
        }
        List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        List<Long> sortValues = rows.stream().map(row -> ((Number) row[1]).longValue()).toList();
        return Slice.of(cards.byIds(ids, sortValues), criteria.pageSize(), RecordingCard::cursor);
    }

    /** Tags like {@code words} (similar, or starting with {@code likePrefix}) that listed recordings carry, from the counts triggers keep. */
    public List<TagCount> tags(String words, String likePrefix, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.tag, c.recordings FROM tag_counts c "
                        + "WHERE c.recordings > 0 AND (c.tag % :words OR c.tag LIKE :prefix) "
                        + "ORDER BY similarity(c.tag, :words) DESC, c.recordings DESC, c.tag")
                .setParameter("words", words)
                .setParameter("prefix", likePrefix)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(row -> new TagCount((String) row[0], ((Number) row[1]).longValue())).toList();
    }

    /** The tags most listed recordings carry, most used first: suggestions for an empty search. */
    public List<TagCount> popularTags(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.tag, c.recordings FROM tag_counts c "
                        + "WHERE c.recordings > 0 ORDER BY c.recordings DESC, c.tag")
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(row -> new TagCount((String) row[0], ((Number) row[1]).longValue())).toList();
    }

    /** The newest listed recordings, for an empty search. */
    public List<RecordingCard> latest(int limit) {
        return cards.latest(Optional.empty(), limit).items();
    }

    /** One page of (id, sort value) rows; the sort value is the same with or without similar titles. */
    @SuppressWarnings("unchecked")
    private List<Object[]> matches(Criteria query, boolean similarTitles) {
        String tsQuery = query.tsQuery();
        String words = query.words();
        boolean hasText = !tsQuery.isEmpty();
        StringBuilder sql = new StringBuilder("SELECT found.id, found.sort_value FROM (SELECT r.id, ");
        if (hasText && !query.byDate()) {
            // Title words weigh most in the vector (V6). Titles that are only similar come after
            // every recording that has the words: their value is below zero.
            String relevance = "ts_rank(r.search_vector, to_tsquery('simple', :tsQuery))";
            sql.append("(").append(similarTitles
                    ? "CASE WHEN r.search_vector @@ to_tsquery('simple', :tsQuery) THEN " + relevance
                            + " ELSE similarity(lower(r.title), :words) - 1 END"
                    : relevance).append(" * 1000000)::bigint");
        } else {
            sql.append("(extract(epoch FROM r.published_at) * 1000000)::bigint");
        }
        sql.append(" AS sort_value FROM recordings r WHERE r.status = 'READY' AND r.visibility = 'PUBLIC'");
        if (hasText) {
            sql.append(similarTitles
                    ? " AND (r.search_vector @@ to_tsquery('simple', :tsQuery) OR lower(r.title) % :words)"
                    : " AND r.search_vector @@ to_tsquery('simple', :tsQuery)");
        }
        if (query.genreId() != null) {
            sql.append(" AND r.genre_id = :genre");
        }
        if (query.instrumentId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM recording_instruments ri WHERE ri.recording_id = r.id "
                    + "AND ri.instrument_id = :instrument)");
        }
        if (query.license() != null) {
            sql.append(" AND r.license = :license");
        }
        if (query.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM recording_tags t WHERE t.recording_id = r.id AND t.tag = :tag)");
        }
        sql.append(") found");
        if (query.after().isPresent()) {
            sql.append(" WHERE (found.sort_value, found.id) < (:afterValue, :afterId)");
        }
        sql.append(" ORDER BY found.sort_value DESC, found.id DESC");

        jakarta.persistence.Query search = em.createNativeQuery(sql.toString()).setMaxResults(query.pageSize() + 1);
        if (hasText) {
            search.setParameter("tsQuery", tsQuery);
        }
        if (hasText && similarTitles) {
            search.setParameter("words", words);
        }
        if (query.genreId() != null) {
            search.setParameter("genre", query.genreId());
        }
        if (query.instrumentId() != null) {
            search.setParameter("instrument", query.instrumentId());
        }
        if (query.license() != null) {
            search.setParameter("license", query.license());
        }
        if (query.tag() != null) {
            search.setParameter("tag", query.tag());
        }
        query.after().ifPresent(cursor -> search.setParameter("afterValue", cursor.value()).setParameter("afterId", cursor.id()));
        return search.getResultList();
    }

}
