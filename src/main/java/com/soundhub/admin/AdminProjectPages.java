package com.soundhub.admin;

import java.util.List;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.projects.ProjectService;
import com.soundhub.web.FlashMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** Projects in the back office, whatever their visibility: search by title, keyset pages, hiding and deletion. */
@RequestScoped
@AdminOnly
@Path("admin/projects")
public class AdminProjectPages {

    static final int PAGE = 50;

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @Inject
    AdminActions actions;

    @Inject
    ChosenRows chosenRows;

    @Inject
    FlashMessages flash;

    @GET
    @Controller
    public String list(@QueryParam("q") String query, @QueryParam("before") String before) {
        return page(query, before, List.of(), "");
    }

    @POST
    @Path("hide")
    @Controller
    public Response hide(@FormParam("ids") List<String> ids, @FormParam("reason") String reason, @FormParam("q") String query) {
        return onChosen(ids, reason, query, chosen -> {
            int hidden = actions.hideProjects(currentMember.requireId(), chosen, reason);
            return hidden + (hidden == 1 ? " project is" : " projects are") + " hidden; their members see why.";
        });
    }

    @POST
    @Path("delete")
    @Controller
    public Response delete(@FormParam("ids") List<String> ids, @FormParam("reason") String reason, @FormParam("q") String query) {
        return onChosen(ids, reason, query, chosen -> {
            int deleted = actions.deleteProjects(currentMember.requireId(), chosen, reason);
            return deleted + (deleted == 1 ? " project is" : " projects are") + " deleted, with the files no other project holds.";
        });
    }

    @POST
    @Path("{id}/unhide")
    @Controller
    public Response unhide(@PathParam("id") String id, @FormParam("reason") String reason) {
        actions.unhideProject(currentMember.requireId(), id, reason);
        flash.success("The project is shown again as its owners chose.");
        return Response.seeOther(UriBuilder.fromPath("/projects/{id}").build(id)).build();
    }

    private Response onChosen(List<String> ids, String reason, String query, java.util.function.Function<List<String>, String> action) {
        List<String> chosen = ChosenRows.publicIds(ids);
        return chosenRows.act(chosen, action, UriBuilder.fromPath("/admin/projects").queryParam("q", clean(query)).build(),
                () -> page(query, null, chosen, reason));
    }

    private String page(String query, String before, List<String> chosen, String reason) {
        long beforeId = before != null && before.matches("[0-9]{1,18}") ? Long.parseLong(before) : Long.MAX_VALUE;
        var rows = projects.administered(currentMember.requireId(), clean(query), beforeId, PAGE);
        models.put("rows", rows);
        models.put("query", clean(query));
        models.put("chosen", chosen);
        models.put("reason", reason == null ? "" : reason);
        models.put("older", rows.size() == PAGE ? rows.get(rows.size() - 1).id() : null);
        models.put("section", "projects");
        return "admin/projects.html";
    }

    private static String clean(String query) {
        String text = query == null ? "" : query.strip();
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
