package com.soundhub.projects;

import java.net.URI;
import java.util.Optional;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** A project's masters: bouncing a revision's mix (from the mixer) and listening to the results. */
@RequestScoped
@Path("projects/{id}/masters")
public class MasterPages {

    @Inject
    Models models;

    @Inject
    FlashMessages flash;

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @Inject
    MasterService masters;

    @GET
    @Controller
    public String list(@PathParam("id") String id) {
        ProjectAccess access = projects.access(id, currentMember.id());
        models.put("project", access.project());
        models.put("access", access);
        models.put("masters", masters.list(access.project()));
        return "projects/masters.html";
    }

    /** The master's FLAC: a short-lived link to storage. */
    @GET
    @Path("{master}/file")
    public Response file(@PathParam("id") String id, @PathParam("master") String master) {
        Project project = projects.access(id, currentMember.id()).project();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.seeOther(masters.downloadUrl(project, MasterApi.uuid(master))).cacheControl(noStore).build();
    }

    @POST
    @Path("{master}/publish")
    @Controller
    @SignedIn
    public Response publish(@PathParam("id") String id, @PathParam("master") String master, @FormParam("title") String title,
                            @FormParam("description") String description) {
        try {
            String recording = masters.publish(id, currentMember.requireId(), MasterApi.uuid(master), title, description);
            flash.success("Published, with its credits.");
            return Response.seeOther(URI.create("/recordings/" + recording)).build();
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
            return Response.seeOther(URI.create("/projects/" + id + "/masters")).build();
        }
    }

    @POST
    @Controller
    @SignedIn
    public Response bounce(@PathParam("id") String id, @FormParam("revision") String revision) {
        Optional<Integer> number = revision == null || !revision.matches("[0-9]{1,9}") ? Optional.empty()
                : Optional.of(Integer.valueOf(revision));
        try {
            MasterRepository.Master master = masters.bounce(id, currentMember.requireId(), number);
            flash.success("The mix of r" + master.revision() + " is being bounced.");
            return Response.seeOther(URI.create("/projects/" + id + "/masters")).build();
        } catch (PushRefused refused) {
            flash.error(refused.getMessage());
            return Response.seeOther(URI.create("/projects/" + id + "/mixer" + number.map(n -> "?revision=" + n).orElse(""))).build();
        }
    }
}
