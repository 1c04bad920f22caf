package com.soundhub.projects;

import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import com.soundhub.media.ImageResizer;
import com.soundhub.media.PictureUploads;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.storage.ObjectStorage;
import com.soundhub.storage.StoredObjectNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects' cover pictures, handled like recordings' covers and profile pictures: turned upright,
 * cropped to a square and stored in the bucket first, outside any transaction; then recorded on the
 * project, and the picture it replaces deleted once that is committed.
 */
@ApplicationScoped
public class ProjectCoverService {

    static final int SIZE = 600;
    private static final String COVERS = "projects/covers/";

    private static final Logger log = LoggerFactory.getLogger(ProjectCoverService.class);
    private static final SecureRandom random = new SecureRandom();

    @Inject
    ProjectService projects;

    @Inject
    ObjectStorage storage;

    /** Stores a new cover for the project (its owners only) and returns its address. */
    @Transactional(TxType.NOT_SUPPORTED)
    public String replace(String publicId, long memberId, InputStream upload) {
        projects.requireManager(publicId, memberId);
        byte[] jpeg = ImageResizer.toJpeg(PictureUploads.read(upload, "cover"), SIZE, SIZE);
        byte[] suffix = new byte[8];
        random.nextBytes(suffix);
        String key = COVERS + publicId + "/cover-" + HexFormat.of().formatHex(suffix) + ".jpg";
        storage.put(key, jpeg, "image/jpeg");
        Optional<String> replaced;
        try {
            replaced = projects.useCover(publicId, memberId, key);
        } catch (RuntimeException e) {
            deleteUnused(key);
            throw e;
        }
        replaced.ifPresent(this::deleteUnused);
        return projects.access(publicId, Optional.of(memberId)).project().getCoverUrl();
    }

    /** The cover of a project the viewer may see; {@link NotFound} when it has none. */
    public InputStream open(String publicId, Optional<Long> viewerId) {
        Project project = projects.access(publicId, viewerId).project();
        if (project.getCoverKey() == null) {
            throw new NotFound("cover of " + publicId);
        }
        try {
            return storage.open(project.getCoverKey());
        } catch (StoredObjectNotFoundException e) {
            throw new NotFound("cover of " + publicId);
        }
    }

    /** A deleted project's pictures go once the deletion is committed. */
    void onDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProjectDeleted deleted) {
        try {
            storage.deleteAllUnder(COVERS + deleted.publicId() + "/");
        } catch (RuntimeException e) {
            log.warn("Could not delete the covers of deleted project {}; they stay in the bucket", deleted.publicId(), e);
        }
    }


    private void deleteUnused(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            log.warn("Could not delete the unused project cover {}; it stays in the bucket", key, e);
        }
    }
}
