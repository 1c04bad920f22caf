package com.soundhub.admin;

import java.net.URI;
import java.util.List;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.recordings.Origin;
import com.soundhub.recordings.RecordingService;
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

/** Recordings in the back office: search, filters, keyset pages, and hiding one or many at once. */
@RequestScoped
@AdminOnly
@Path("admin/recordings")
public class AdminRecordingPages {

    static final int PAGE = 50;

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    RecordingService recordings;

    @Inject
    AdminActions actions;

    @Inject
    ChosenRows chosenRows;

    @Inject
    FlashMessages flash;

    @GET
    @Controller
    public String list(@QueryParam("q") String query, @QueryParam("hidden") String hidden, @QueryParam("origin") String origin,
                       @QueryParam("sort") String sort, @QueryParam("after") String after) {
        return page(filter(query, hidden, origin), order(sort), after, List.of(), "");
    }

    @POST
    @Path("hide")
    @Controller
    public Response hide(@FormParam("ids") List<String> ids, @FormParam("reason") String reason, @FormParam("q") String query,
                         @FormParam("hidden") String hidden, @FormParam("origin") String origin) {
        return onChosen(ids, reason, filter(query, hidden, origin), chosen -> {
            int count = actions.hideRecordings(currentMember.requireId(), chosen, reason);
            return count + (count == 1 ? " recording is" : " recordings are") + " hidden; their owners see why.";
        });
    }

    @POST
    @Path("delete")
    @Controller
    public Response delete(@FormParam("ids") List<String> ids, @FormParam("reason") String reason, @FormParam("q") String query,
                           @FormParam("hidden") String hidden, @FormParam("origin") String origin) {
        return onChosen(ids, reason, filter(query, hidden, origin), chosen -> {
            int count = actions.deleteRecordings(currentMember.requireId(), chosen, reason);
            return count + (count == 1 ? " recording is" : " recordings are") + " deleted.";
        });
    }

    private Response onChosen(List<String> ids, String reason, RecordingService.AdminFilter filter,
                              java.util.function.Function<List<String>, String> action) {
        List<String> chosen = ChosenRows.publicIds(ids);
        UriBuilder back = UriBuilder.fromPath("/admin/recordings").queryParam("q", filter.query());
        if (filter.hiddenOnly()) {
            back.queryParam("hidden", "on");
        }
        if (filter.origin() != null) {
            back.queryParam("origin", filter.origin().name());
        }
        return chosenRows.act(chosen, action, back.build(), () -> page(filter, RecordingService.AdminOrder.NEWEST, null, chosen, reason));
    }

    @POST
    @Path("{id}/unhide")
    @Controller
    public Response unhide(@PathParam("id") String id, @FormParam("reason") String reason) {
        actions.unhideRecording(currentMember.requireId(), id, reason);
        flash.success("The recording is shown again as it was.");
        return Response.seeOther(URI.create("/recordings/" + id)).build();
    }

    private String page(RecordingService.AdminFilter filter, RecordingService.AdminOrder order, String after, List<String> chosen,
                        String reason) {
        var rows = recordings.administered(currentMember.requireId(), filter, order, java.util.Optional.ofNullable(after), PAGE);
        models.put("rows", rows);
        models.put("filter", filter);
        models.put("sort", order.name());
        models.put("chosen", chosen);
        models.put("reason", reason == null ? "" : reason);
        models.put("next", rows.size() == PAGE ? order.cursorOf(rows.get(rows.size() - 1)) : null);
        models.put("section", "recordings");
        return "admin/recordings.html";
    }

    private static RecordingService.AdminOrder order(String sort) {
        for (RecordingService.AdminOrder candidate : RecordingService.AdminOrder.values()) {
            if (candidate.name().equals(sort)) {
                return candidate;
            }
        }
        return RecordingService.AdminOrder.NEWEST;
    }

    private static RecordingService.AdminFilter filter(String query, String hidden, String origin) {
        Origin chosenOrigin = null;
        for (Origin candidate : Origin.values()) {
            if (candidate.name().equals(origin)) {
                chosenOrigin = candidate;
            }
        }
        String text = query == null ? "" : query.strip();
        return new RecordingService.AdminFilter(text.length() > 100 ? text.substring(0, 100) : text,
                hidden != null && !hidden.isEmpty(), chosenOrigin, null);
    }
}
