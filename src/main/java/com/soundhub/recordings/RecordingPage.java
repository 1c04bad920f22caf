package com.soundhub.recordings;

import java.util.List;
import java.util.Optional;

import com.soundhub.accounts.MemberPrincipal;
import com.soundhub.media.Waveform;
import com.soundhub.web.ClientInfo;
import com.soundhub.web.SharedPage;
import jakarta.annotation.PostConstruct;
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
    Instance<RecordingPageSection> sectionBeans;

    /** Every section is application-scoped, so the list is looked up once rather than on each page. */
    private List<RecordingPageSection> sections;

    @PostConstruct
    void findSections() {
        sections = sectionBeans.stream().toList();
    }

    @Inject
    HttpServletRequest request;

    @Inject
    SharedPage sharedPage;

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
        long recordingId = recording.getId();
        long ownerId = recording.getOwner().getId();
        sharedPage.variesBy(viewer -> memberVariant(recordingId, ownerId, viewer));
        return VIEW;
    }

    /** The owner's page is their own (it has their controls); every section may tell the others apart. */
    private Optional<String> memberVariant(long recordingId, long ownerId, MemberPrincipal viewer) {
        if (viewer.memberId() == ownerId) {
            return Optional.empty();
        }
        StringBuilder variant = new StringBuilder();
        for (RecordingPageSection section : sections) {
            Optional<String> part = section.memberVariant(recordingId, viewer);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            if (!part.get().isEmpty()) {
                variant.append(variant.length() == 0 ? "" : ",").append(part.get());
            }
        }
        return Optional.of(variant.toString());
    }
}
