package com.soundhub.projects;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.projects.contents.ContentPlayback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How a project's audio file plays: its HLS playlist, with segment URLs signed for a short while,
 * and its waveform peaks. Only for those who may see the project, and only for contents the project
 * holds; anything else is not found.
 *
 * <p>The path names the two files exactly, so that this resource takes no other address under
 * {@code /projects/{id}/files/{hash}} (JAX-RS picks the most specific root path and does not look
 * further): the file's download and the project pages live elsewhere.
 */
@RequestScoped
@Path("projects/{id}/files/{hash}/{media: playlist\\.m3u8|peaks\\.json}")
public class ProjectAudioResource {

    static final String HLS_TYPE = "application/vnd.apple.mpegurl";

    @Inject
    ProjectService projects;

    @Inject
    RevisionService revisions;

    @Inject
    CurrentMember currentMember;

    @PathParam("id")
    String publicId;

    @PathParam("hash")
    String hash;

    @PathParam("media")
    String media;

    @GET
    public Response get() {
        Project project = projects.access(publicId, currentMember.id()).project();
        return media.startsWith("playlist") ? playlist(project) : peaks(project);
    }

    private Response playlist(Project project) {
        String playlist = revisions.playlist(project, hash);
        return Response.ok(playlist, HLS_TYPE).cacheControl(privateNoStore()).build();
    }

    private Response peaks(Project project) {
        ContentPlayback playback = revisions.playback(project, hash);
        JsonArrayBuilder peaks = ProjectJson.JSON.createArrayBuilder();
        for (int peak : playback.unsignedPeaks()) {
            peaks.add(peak);
        }
        String json = ProjectJson.JSON.createObjectBuilder().add("durationMs", playback.durationMs()).add("peaks", peaks).build().toString();
        // The peaks of a content never change, but who may see the project can.
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).cacheControl(privateNoStore()).build();
    }

    private static CacheControl privateNoStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return noStore;
    }
}
