package com.soundhub.admin;

import java.util.List;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.comments.CommentService;
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

/** Comments in the back office: search by text or author, keyset pages, deleting many at once. */
@RequestScoped
@AdminOnly
@Path("admin/comments")
public class AdminCommentPages {

    static final int PAGE = 50;

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    CommentService comments;

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
            int hidden = actions.hideComments(currentMember.requireId(), chosen, reason);
            return hidden + (hidden == 1 ? " comment is" : " comments are") + " hidden.";
        });
    }

    @POST
    @Path("delete")
    @Controller
    public Response delete(@FormParam("ids") List<String> ids, @FormParam("reason") String reason, @FormParam("q") String query) {
        return onChosen(ids, reason, query, chosen -> {
            int deleted = actions.deleteComments(currentMember.requireId(), chosen, reason);
            return deleted + (deleted == 1 ? " comment is" : " comments are") + " deleted.";
        });
    }

    @POST
    @Path("{id:[0-9]{1,18}}/unhide")
    @Controller
    public Response unhide(@PathParam("id") long id, @FormParam("reason") String reason, @FormParam("q") String query) {
        actions.unhideComment(currentMember.requireId(), id, reason);
        flash.success("The comment is shown again.");
        return Response.seeOther(UriBuilder.fromPath("/admin/comments").queryParam("q", clean(query)).build()).build();
    }

    private Response onChosen(List<String> ids, String reason, String query, java.util.function.Function<List<Long>, String> action) {
        List<Long> chosen = ChosenRows.numbers(ids);
        return chosenRows.act(chosen, action, UriBuilder.fromPath("/admin/comments").queryParam("q", clean(query)).build(),
                () -> page(query, null, chosen, reason));
    }

    private String page(String query, String before, List<Long> chosen, String reason) {
        long beforeId = before != null && before.matches("[0-9]{1,18}") ? Long.parseLong(before) : Long.MAX_VALUE;
        var rows = comments.administered(currentMember.requireId(), clean(query), beforeId, PAGE);
        models.put("rows", rows);
        models.put("query", clean(query));
        models.put("chosen", chosen);
        models.put("reason", reason == null ? "" : reason);
        models.put("older", rows.size() == PAGE ? rows.get(rows.size() - 1).id() : null);
        models.put("section", "comments");
        return "admin/comments.html";
    }

    private static String clean(String query) {
        String text = query == null ? "" : query.strip();
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
