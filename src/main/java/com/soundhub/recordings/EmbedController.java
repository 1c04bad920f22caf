package com.soundhub.recordings;

import java.util.Optional;

import com.soundhub.media.Waveform;
import com.soundhub.platform.rules.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The player alone, for other sites to frame (the only page that may be framed). It plays what a
 * visitor who is not signed in may hear: public and unlisted recordings.
 */
@Controller
@RequestScoped
@Path("embed/{publicId}")
public class EmbedController {

    static final String VIEW = "recordings/embed.html";

    @Inject
    Models models;

    @Inject
    RecordingService recordings;

    @GET
    public String show(@PathParam("publicId") String publicId) {
        Recording recording = recordings.viewable(publicId, Optional.empty());
        if (!recording.isReady()) {
            throw new NotFound();
        }
        models.put("recording", recording);
        models.put("peaks", Waveform.csv(recording.getPeaks()));
        return VIEW;
    }
}
