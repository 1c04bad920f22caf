package com.soundhub.projects;

import java.util.Optional;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A project's mix in the API (docs/PROJECTS-API.md, "Mix"): read a revision's, save a new one as a revision. */
@Path("api/v1/projects/{id}/mix")
@Tag(name = "Projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MixApi {

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @Inject
    MixService mixes;

    @GET
    @Operation(summary = "A revision's mix (the newest by default): every audio file as a track with its settings")
    public String mix(@PathParam("id") String id, @QueryParam("revision") String revision) {
        Project project = projects.access(id, currentMember.id()).project();
        Optional<Integer> number = revision == null || revision.isBlank() ? Optional.empty()
                : Optional.of(ProjectApi.revisionNumber(revision));
        MixService.Mix mix = mixes.mix(project, number);
        JsonArrayBuilder tracks = ProjectJson.JSON.createArrayBuilder();
        mix.tracks().forEach(track -> {
            MixSettings.Track settings = track.settings();
            JsonObjectBuilder json = ProjectJson.file(track.file()).add("gainDb", settings.gainDb()).add("pan", settings.pan())
                    .add("mute", settings.mute()).add("solo", settings.solo()).add("offsetMs", settings.offsetMs());
            if (track.file().isPlayable()) {
                String base = "/projects/" + project.getPublicId() + "/files/" + track.file().hash();
                json.add("playlist", base + "/playlist.m3u8").add("peaks", base + "/peaks.json");
            }
            tracks.add(json);
        });
        return ProjectJson.JSON.createObjectBuilder().add("revision", mix.revision()).add("saved", mix.saved())
                .add("tracks", tracks).build().toString();
    }

    @POST
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a mix as a new revision changing only mix.soundhub.json: {base, tracks: [{path, gainDb, pan,"
            + " mute, solo, offsetMs}], message?}")
    public Response save(@PathParam("id") String id, JsonObject body) {
        int base = body.get("base") instanceof JsonNumber number ? number.intValue() : -1;
        if (!(body.get("tracks") instanceof JsonArray tracks)) {
            throw new PushRefused("List the tracks' settings in \"tracks\".");
        }
        MixSettings settings;
        try {
            settings = MixSettings.of(tracks);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new PushRefused(e instanceof IllegalArgumentException ? e.getMessage()
                    : "Each track needs its \"path\", and numbers for \"gainDb\", \"pan\" and \"offsetMs\".");
        }
        PushService.Committed committed = mixes.save(id, currentMember.requireId(), base, settings,
                ProjectApi.text(body, "message", null));
        return Response.status(Response.Status.CREATED).entity(ProjectJson.JSON.createObjectBuilder()
                .add("revision", committed.revision()).add("rebased", committed.rebased()).build().toString()).build();
    }
}
