package com.soundhub.search;

import java.util.List;
import java.util.Optional;

import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.paging.Slice;
import com.soundhub.recordings.License;
import com.soundhub.recordings.RecordingCard;
import com.soundhub.recordings.RecordingCards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Search over listed recordings (full-text on title, description, tags, genre and instruments,
 * title words weighing most, plus trigram similarity on titles for typos when the words find
 * less than a page), members (trigram on nicknames) and tags. Results are keyset-paginated on the
 * sort value, relevance scores included (as whole numbers, so that the cursor compares exactly).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SearchService {

    /** What to look for; null filters are not applied. */
    public record Query(String text, Short genreId, Short instrumentId, License license, String tag, boolean byDate,
                        Optional<Cursor> after) {
    }

    static final int PAGE_SIZE = 20;
    static final int MEMBERS_SHOWN = 8;
    static final int TAGS_SHOWN = 10;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    RecordingCards cards;

    public SearchResults search(Query query) {
        String words = SearchTerms.normalized(query.text());
        Slice<RecordingCard> recordings = recordings(query, words);
        boolean firstPage = query.after().isEmpty();
        return new SearchResults(recordings,
                firstPage && !words.isEmpty() ? members(words) : List.of(),
                firstPage && !words.isEmpty() ? tags(words) : List.of());
    }

    private Slice<RecordingCard> recordings(Query query, String words) {
        List<Hit> hits = ranked(query, words);
        List<Long> ids = hits.stream().map(Hit::id).toList();
        List<Long> sortValues = hits.stream().map(Hit::sortValue).toList();
        return Slice.of(cards.byIds(ids, sortValues), PAGE_SIZE, RecordingCard::cursor);
    }

    /** One found recording and its sort value, which the next page's cursor continues from. */
    private record Hit(long id, long sortValue) {
    }

    private List<Hit> ranked(Query query, String words) {
        String tsQuery = SearchTerms.prefixQuery(query.text());
        boolean hasText = !tsQuery.isEmpty();
        List<Object[]> rows = matches(query, tsQuery, words, false);
        if (hasText && rows.size() <= PAGE_SIZE) {
            // Titles that are only similar (typos) are looked for when the words themselves run out:
            // checking similarity for every recording that has a common word costs more than the
            // rest of the search, and adds nothing that the exact matches do not show first.
            rows = matches(query, tsQuery, words, true);
        }
        return rows.stream()
                .map(row -> new Hit(((Number) row[0]).longValue(), ((Number) row[1]).longValue()))
                .toList();
    }

    /** One page of (id, sort value) rows; the sort value is the same with or without similar titles. */
    @SuppressWarnings("unchecked")
    private List<Object[]> matches(Query query, String tsQuery, String words, boolean similarTitles) {
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

        jakarta.persistence.Query search = em.createNativeQuery(sql.toString()).setMaxResults(PAGE_SIZE + 1);
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
            search.setParameter("license", query.license().name());
        }
        if (query.tag() != null) {
            search.setParameter("tag", query.tag());
        }
        query.after().ifPresent(cursor -> search.setParameter("afterValue", cursor.value()).setParameter("afterId", cursor.id()));
        return search.getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> members(String words) {
        return em.createNativeQuery("SELECT m.nickname FROM members m WHERE m.status = 'ACTIVE' "
                        + "AND (lower(m.nickname) % :words OR lower(m.nickname) LIKE :prefix) "
                        + "ORDER BY similarity(lower(m.nickname), :words) DESC, m.nickname")
                .setParameter("words", words)
                .setParameter("prefix", SearchTerms.likePrefix(words))
                .setMaxResults(MEMBERS_SHOWN)
                .getResultList();
    }

    private List<SearchResults.TagHit> tags(String words) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.tag, c.recordings FROM tag_counts c "
                        + "WHERE c.recordings > 0 AND (c.tag % :words OR c.tag LIKE :prefix) "
                        + "ORDER BY similarity(c.tag, :words) DESC, c.recordings DESC, c.tag")
                .setParameter("words", words)
                .setParameter("prefix", SearchTerms.likePrefix(words))
                .setMaxResults(TAGS_SHOWN)
                .getResultList();
        return rows.stream().map(row -> new SearchResults.TagHit((String) row[0], ((Number) row[1]).longValue())).toList();
    }
}
