package com.soundhub.home;

import java.util.Locale;
import java.util.Optional;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.paging.Slice;
import com.soundhub.recordings.RecordingCard;
import com.soundhub.recordings.RecordingCards;
import com.soundhub.taxonomy.TaxonomyService;
import com.soundhub.web.SharedPage;
import com.soundhub.web.views.Lazy;
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

    @Inject
    SharedPage sharedPage;

    @GET
    public String index(@QueryParam("feed") String feedName, @QueryParam("after") String after) {
        Feed feed = "trending".equals(feedName) ? Feed.TRENDING
                : "following".equals(feedName) ? Feed.FOLLOWING : Feed.LATEST;
        var cursor = Cursor.parse(after);
        Optional<Long> viewer = currentMember.id();
        Lazy<Slice<RecordingCard>> items = Lazy.of(() -> switch (feed) {
            case LATEST -> cards.latest(cursor, PAGE_SIZE);
            case TRENDING -> cards.trending(cursor, PAGE_SIZE);
            case FOLLOWING -> viewer.map(id -> cards.following(id, cursor, PAGE_SIZE)).orElse(null);
        });
        models.put("feed", feed.name().toLowerCase(Locale.ROOT));
        models.put("items", items);
        // The latest and trending feeds look the same to everyone; the following feed is the viewer's own.
        models.put("feedKey", feed == Feed.FOLLOWING ? null : feed + ":" + cursor.map(Object::toString).orElse(""));
        if (feed != Feed.FOLLOWING) {
            sharedPage.sameForEveryMember();
        }
        models.put("genres", taxonomy.activeGenres());
        models.put("instruments", taxonomy.activeInstruments());
        return VIEW;
    }
}
