package com.soundhub.home;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.paging.Slice;
import com.soundhub.recordings.RecordingCard;
import com.soundhub.recordings.RecordingCards;
import com.soundhub.taxonomy.TaxonomyService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** The front page: the latest, trending and "following" feeds, and ways to browse. */
@Controller
@RequestScoped
@Path("/")
public class HomeController {

    static final String VIEW = "home/index.html";
    static final int PAGE_SIZE = 24;

    /** The feeds the front page can show. */
    public enum Feed { LATEST, TRENDING, FOLLOWING }

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    RecordingCards cards;

    @Inject
    TaxonomyService taxonomy;

    @GET
    public String index(@QueryParam("feed") String feedName, @QueryParam("after") String after) {
        Feed feed = "trending".equals(feedName) ? Feed.TRENDING
                : "following".equals(feedName) ? Feed.FOLLOWING : Feed.LATEST;
        var cursor = Cursor.parse(after);
        Slice<RecordingCard> items = switch (feed) {
            case LATEST -> cards.latest(cursor, PAGE_SIZE);
            case TRENDING -> cards.trending(cursor, PAGE_SIZE);
            case FOLLOWING -> currentMember.id().map(id -> cards.following(id, cursor, PAGE_SIZE)).orElse(null);
        };
        models.put("feed", feed.name().toLowerCase(java.util.Locale.ROOT));
        models.put("items", items);
        models.put("genres", taxonomy.activeGenres());
        models.put("instruments", taxonomy.activeInstruments());
        return VIEW;
    }
}
