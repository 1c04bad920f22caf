package com.soundhub.recordings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.soundhub.media.Waveform;
import com.soundhub.web.ClientInfo;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Fills the recording page's model from the recording and every feature's section of the page. The
 * page is the same for every viewer; what is theirs (their like, their controls) is its viewer part.
 */
@ApplicationScoped
public class RecordingPage {

    public static final String VIEW = "recordings/show.html";
    static final String VIEWER_PARTS = "recordings/viewer.html";

    @Inject
    RecordingService recordings;

    @Inject
    Instance<RecordingPageSection> sectionBeans;

    /** Every section is application-scoped, so the list is looked up once rather than on each page. */
    private List<RecordingPageSection> sections;

    @PostConstruct
    void findSections() {
        sections = sectionBeans.stream().toList();
    }

    @Inject
    HttpServletRequest request;

    /** The page, or "not found" if {@code viewerId} may not see the recording. */
    public String render(Models models, String publicId, Optional<Long> viewerId) {
        Recording recording = recordings.viewable(publicId, viewerId);
        models.put("recording", recording);
        models.put("peaks", Waveform.csv(recording.getPeaks()));
        String site = (ClientInfo.isSecure(request) ? "https://" : "http://") + request.getHeader("Host");
        models.put("shareUrl", site + "/recordings/" + recording.getPublicId());
        models.put("embedUrl", site + "/embed/" + recording.getPublicId());
        models.put("viewerParts", viewerPartsPath(recording));
        for (RecordingPageSection section : sections) {
            section.addTo(models, recording);
        }
        return VIEW;
    }

    /** What the viewer's part of the page shows: their like and controls; {@code admin}s moderate every page. */
    Map<String, Object> viewerModels(String publicId, Optional<Long> viewerId, boolean admin) {
        Recording recording = recordings.viewable(publicId, viewerId);
        boolean own = recording.isOwnedBy(viewerId.orElse(null));
        Map<String, Object> models = new HashMap<>();
        models.put("recording", recording);
        if (viewerId.isPresent()) {
            models.put("own", own);
        }
        models.put("moderator", own || admin);
        for (RecordingPageSection section : sections) {
            section.addViewerParts(models, recording, viewerId);
        }
        return models;
    }

    private static String viewerPartsPath(Recording recording) {
        return "/recordings/" + recording.getPublicId() + "/viewer";
    }
}
