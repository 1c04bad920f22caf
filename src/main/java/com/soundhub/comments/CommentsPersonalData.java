package com.soundhub.comments;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.soundhub.accounts.PersonalDataPart;
import com.soundhub.accounts.PersonalDataZip;
import com.soundhub.recordings.RecordingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The comments a member wrote, in their data download, with the recording each is on while they may still see it. */
@ApplicationScoped
public class CommentsPersonalData implements PersonalDataPart {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    RecordingService recordings;

    @Override
    public int position() {
        return 20;
    }

    @Override
    public void write(long memberId, PersonalDataZip zip) throws IOException {
        List<Object[]> rows = em.createQuery("SELECT c.recordingId, c.atMs, c.body, c.createdAt, c.parentId FROM Comment c "
                + "WHERE c.author.id = :member AND c.deletedAt IS NULL ORDER BY c.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        Map<Long, RecordingService.RecordingLabel> labels = recordings.labelsVisibleTo(memberId,
                rows.stream().map(row -> (Long) row[0]).distinct().toList());
        zip.json("comments.json", rows.stream().map(row -> {
            RecordingService.RecordingLabel on = labels.get((Long) row[0]);
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("recording", on == null ? null : on.publicId());
            comment.put("recordingTitle", on == null ? "a recording you can no longer see" : on.title());
            comment.put("atMs", row[1]);
            comment.put("reply", row[4] != null);
            comment.put("body", row[2]);
            comment.put("writtenAt", row[3].toString());
            return comment;
        }).toList());
    }
}
