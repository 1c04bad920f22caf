package com.soundhub.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.soundhub.platform.paging.Cursor;
import com.soundhub.projects.ProjectService;
import com.soundhub.recordings.License;
import com.soundhub.taxonomy.TaxonomyService;
import com.soundhub.web.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The search page: one box, filters by genre, instrument, licence and tag, sorted by relevance or date. */
@Controller
@RequestScoped
@Path("search")
public class SearchController {

    static final String VIEW = "search/results.html";
    static final int PROJECT_RESULTS = 12;

    @Inject
    Models models;

    @Inject
    BindingResult binding;

    @Inject
    FormErrors errors;

    @Inject
    SearchService search;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    ProjectService projects;

    @GET
    public Response search(@Valid @BeanParam SearchForm form) {
        errors.addAll(binding);
        models.put("form", form);
        models.put("genres", taxonomy.activeGenres());
        models.put("instruments", taxonomy.activeInstruments());
        models.put("licenses", License.values());
        if (!errors.isEmpty()) {
            return Response.status(400).entity(VIEW).build();
        }
        Short genre = form.getGenre().isBlank() ? null : taxonomy.genreId(form.getGenre()).orElse(null);
        Short instrument = form.getInstrument().isBlank() ? null : taxonomy.instrumentId(form.getInstrument()).orElse(null);
        License license = Arrays.stream(License.values()).filter(l -> l.name().equals(form.getLicense())).findFirst().orElse(null);
        models.put("moreUrl", "/search?q=" + encode(form.getQ()) + "&genre=" + encode(form.getGenre())
                + "&instrument=" + encode(form.getInstrument()) + "&license=" + encode(form.getLicense())
                + "&tag=" + encode(form.getTag()) + "&sort=" + encode(form.getSort()) + "&after=");
        if (form.isEmpty()) {
            models.put("suggestions", search.suggestions());
        } else {
            SearchService.Query query = new SearchService.Query(form.getQ(), genre, instrument, license,
                    form.getTag().isBlank() ? null : form.getTag().strip(), "date".equals(form.getSort()),
                    Cursor.parse(form.getAfter()));
            models.put("results", search.search(query));
            // Public projects only (the service searches no other), on the first page of results.
            if (form.getAfter() == null || form.getAfter().isBlank()) {
                models.put("projects", projects.cards(projects.search(form.getQ(), PROJECT_RESULTS), java.util.Optional.empty()));
            }
        }
        return Response.ok(VIEW).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
