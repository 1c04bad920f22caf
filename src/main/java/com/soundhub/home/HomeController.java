package com.soundhub.home;

import java.net.URI;
import java.util.Locale;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.paging.Slice;
import com.soundhub.catalogue.RecordingCard;
import com.soundhub.catalogue.RecordingCards;
import com.soundhub.taxonomy.TaxonomyService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The front page: the latest and trending feeds, the same for everyone, and ways to browse; and
 * each member's own "following" feed at {@code /following}.
 */
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
    public Response index(@QueryParam("feed") String feedName, @QueryParam("after") String after) {
        if ("following".equals(feedName)) {
            // The feed that is each member's own has an address of its own (bookmarks of the old one still work).
            return Response.seeOther(URI.create("/following")).build();
        }
        Feed feed = "trending".equals(feedName) ? Feed.TRENDING : Feed.LATEST;
        var cursor = Cursor.parse(after);
        return page(feed, feed == Feed.TRENDING ? cards.trending(cursor, PAGE_SIZE) : cards.latest(cursor, PAGE_SIZE),
                "/?feed=" + feed.name().toLowerCase(Locale.ROOT) + "&after=");
    }

    @GET
    @Path("following")
    @SignedIn
    public Response following(@QueryParam("after") String after) {
        return page(Feed.FOLLOWING, cards.following(currentMember.requireId(), Cursor.parse(after), PAGE_SIZE),
                "/following?after=");
    }

    private Response page(Feed feed, Slice<RecordingCard> items, String moreUrl) {
        models.put("feed", feed.name().toLowerCase(Locale.ROOT));
        models.put("items", items);
        models.put("moreUrl", moreUrl);
        models.put("genres", taxonomy.activeGenres());
        models.put("instruments", taxonomy.activeInstruments());
        return Response.ok(VIEW).build();
    }
}
