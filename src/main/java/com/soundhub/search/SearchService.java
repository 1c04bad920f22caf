package com.soundhub.search;

import java.util.List;
import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.catalogue.RecordingCard;
import com.soundhub.catalogue.RecordingSearch;
import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.paging.Slice;
import com.soundhub.recordings.License;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Search over listed recordings (from the catalogue), members (by nickname, from accounts) and
 * tags. The words a member types become a safe prefix query here ({@link SearchTerms}); nothing
 * they type reaches SQL as anything but a parameter.
 */
@ApplicationScoped
public class SearchService {

    /** What to look for; null filters are not applied. */
    public record Query(String text, Short genreId, Short instrumentId, License license, String tag, boolean byDate,
                        Optional<Cursor> after) {
    }

    static final int PAGE_SIZE = 20;
    static final int MEMBERS_SHOWN = 8;
    static final int TAGS_SHOWN = 10;

    @Inject
    RecordingSearch recordings;

    @Inject
    AccountService accounts;

    /** What an empty search suggests instead: the most used tags and the newest recordings. */
    public record Suggestions(List<SearchResults.TagHit> tags, Slice<RecordingCard> latest) {
        public List<SearchResults.TagHit> getTags() {
            return tags;
        }

        public Slice<RecordingCard> getLatest() {
            return latest;
        }
    }

    static final int SUGGESTED_TAGS = 12;
    static final int SUGGESTED_RECORDINGS = 6;

    public Suggestions suggestions() {
        return new Suggestions(recordings.popularTags(SUGGESTED_TAGS).stream()
                .map(tag -> new SearchResults.TagHit(tag.tag(), tag.count())).toList(),
                new Slice<>(recordings.latest(SUGGESTED_RECORDINGS), null));
    }

    public SearchResults search(Query query) {
        String words = SearchTerms.normalized(query.text());
        Slice<RecordingCard> found = recordings.find(new RecordingSearch.Criteria(SearchTerms.prefixQuery(query.text()),
                words, query.genreId(), query.instrumentId(), query.license() == null ? null : query.license().name(),
                query.tag(), query.byDate(), query.after(), PAGE_SIZE));
        boolean firstPage = query.after().isEmpty();
        if (!firstPage || words.isEmpty()) {
            return new SearchResults(found, List.of(), List.of());
        }
        String prefix = SearchTerms.likePrefix(words);
        return new SearchResults(found, accounts.nicknamesLike(words, prefix, MEMBERS_SHOWN),
                recordings.tags(words, prefix, TAGS_SHOWN).stream()
                        .map(tag -> new SearchResults.TagHit(tag.tag(), tag.count())).toList());
    }
}
