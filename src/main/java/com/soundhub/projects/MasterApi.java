package com.soundhub.projects;

import java.util.Optional;
import java.util.UUID;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.jobs.ProgressStreams;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Masters in the API (docs/PROJECTS-API.md, "Masters"): bounce a revision's mix, follow it, list them. */
@Path("api/v1/projects/{id}/masters")
@Tag(name = "Projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MasterApi {

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @Inject
    MasterService masters;

    @Inject
    ProgressStreams streams;

    @POST
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bounce the mix of a revision (producers and owners), {revision?}: 202, then follow its events")
    public Response bounce(@PathParam("id") String id, JsonObject body) {
        Optional<Integer> revision = body.get("revision") instanceof JsonNumber number ? Optional.of(number.intValue()) : Optional.empty();
        MasterRepository.Master master = masters.bounce(id, currentMember.requireId(), revision);
        return Response.accepted(json(MasterStatus.of(master), master).build().toString()).build();
    }

    @GET
    @Operation(summary = "The project's masters, newest first")
    public String list(@PathParam("id") String id) {
        Project project = projects.access(id, currentMember.id()).project();
        JsonArrayBuilder list = ProjectJson.JSON.createArrayBuilder();
        masters.list(project).forEach(view -> {
            JsonObjectBuilder json = json(view.status(), view.master());
            if (view.file() != null) {
                json.add("file", ProjectJson.file(view.file()));
            }
            list.add(json);
        });
        return ProjectJson.JSON.createObjectBuilder().add("masters", list).build().toString();
    }

    @GET
    @Path("{master}")
    @Operation(summary = "One master and how far its bounce is")
    public String master(@PathParam("id") String id, @PathParam("master") String master) {
        Project project = projects.access(id, currentMember.id()).project();
        MasterRepository.Master found = masters.find(project, uuid(master));
        return json(MasterStatus.of(found), found).build().toString();
    }

    @POST
    @Path("{master}/publish")
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a finished master as a public recording of the caller, crediting the revision's contributors:"
            + " {title, description?}")
    public Response publish(@PathParam("id") String id, @PathParam("master") String master, JsonObject body) {
        try {
            String recording = masters.publish(id, currentMember.requireId(), uuid(master), ProjectApi.text(body, "title", ""),
                    ProjectApi.text(body, "description", ""));
            return Response.status(Response.Status.CREATED).entity(ProjectJson.JSON.createObjectBuilder()
                    .add("recording", recording).add("url", "/recordings/" + recording).build().toString()).build();
        } catch (RuleViolation violation) {
            return ProposalApi.refused(violation);
        }
    }

    @GET
    @Path("{master}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "A master's progress as Server-Sent Events")
    public void follow(@PathParam("id") String id, @PathParam("master") String master, @Context SseEventSink sink, @Context Sse sse) {
        Project project = projects.access(id, currentMember.id()).project();
        UUID masterId = uuid(master);
        masters.find(project, masterId);
        streams.follow(MasterService.topic(masterId), () -> MasterStatus.of(masters.find(project, masterId)), sink, sse);
    }

    private static JsonObjectBuilder json(MasterStatus status, MasterRepository.Master master) {
        JsonObjectBuilder json = ProjectJson.JSON.createObjectBuilder().add("id", status.id()).add("revision", master.revision())
                .add("state", status.state()).add("percent", status.percent()).add("finished", status.finished());
        if (status.reason() != null) {
            json.add("reason", status.reason());
        }
        if (master.contentHash() != null) {
            json.add("hash", master.contentHash()).add("durationMs", master.durationMs());
        }
        if (master.recordingPublicId() != null) {
            json.add("recording", master.recordingPublicId());
        }
        return json;
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }
}
