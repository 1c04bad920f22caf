package com.soundhub.recordings;

import java.util.Optional;

import com.soundhub.media.Waveform;
import com.soundhub.web.ClientInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;

/** Fills the recording page's model: the recording and every feature's section of the page. */
@ApplicationScoped
public class RecordingPage {

    public static final String VIEW = "recordings/show.html";

    @Inject
    RecordingService recordings;

    @Inject
    Instance<RecordingPageSection> sections;

    @Inject
    HttpServletRequest request;

    /** The page for {@code viewerId}, or "not found" if they may not see the recording. */
    public String render(Models models, String publicId, Optional<Long> viewerId) {
        Recording recording = recordings.viewable(publicId, viewerId);
        models.put("recording", recording);
        models.put("own", recording.isOwnedBy(viewerId.orElse(null)));
        models.put("peaks", Waveform.csv(recording.getPeaks()));
        String site = (ClientInfo.isSecure(request) ? "https://" : "http://") + request.getHeader("Host");
        models.put("shareUrl", site + "/recordings/" + recording.getPublicId());
        models.put("embedUrl", site + "/embed/" + recording.getPublicId());
        for (RecordingPageSection section : sections) {
            section.addTo(models, recording, viewerId);
        }
        return VIEW;
    }
}
