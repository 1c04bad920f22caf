package com.soundhub.home;

import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.catalogue.RecordingCards;
import com.soundhub.taxonomy.TaxonomyService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** Browsing by genre and by instrument, newest first. */
@Controller
@RequestScoped
@Path("/")
public class BrowseController {

    static final String VIEW = "home/browse.html";

    @Inject
    Models models;

    @Inject
    RecordingCards cards;

    @Inject
    TaxonomyService taxonomy;

    @GET
    @Path("genres/{slug}")
    public String genre(@PathParam("slug") String slug, @QueryParam("after") String after) {
        var genre = taxonomy.activeGenres().stream().filter(g -> g.getSlug().equals(slug)).findFirst()
                .orElseThrow(NotFound::new);
        models.put("heading", genre.getName());
        models.put("moreUrl", "/genres/" + genre.getSlug() + "?after=");
        models.put("items", cards.inGenre(genre.getId(), Cursor.parse(after), HomeController.PAGE_SIZE));
        return VIEW;
    }

    @GET
    @Path("instruments/{slug}")
    public String instrument(@PathParam("slug") String slug, @QueryParam("after") String after) {
        var instrument = taxonomy.activeInstruments().stream().filter(i -> i.getSlug().equals(slug)).findFirst()
                .orElseThrow(NotFound::new);
        models.put("heading", "With " + instrument.getName().toLowerCase(java.util.Locale.ROOT));
        models.put("moreUrl", "/instruments/" + instrument.getSlug() + "?after=");
        models.put("items", cards.withInstrument(instrument.getId(), Cursor.parse(after), HomeController.PAGE_SIZE));
        return VIEW;
    }
}
