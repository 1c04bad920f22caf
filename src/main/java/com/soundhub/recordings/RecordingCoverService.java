package com.soundhub.recordings;

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
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recordings' cover pictures, handled like profile pictures: turned upright, cropped to a square and
 * stored in the bucket first, outside any transaction; then recorded on the recording, and the
 * picture it replaces deleted once that is committed.
 */
@ApplicationScoped
public class RecordingCoverService {

    /** Covers are shown at up to 200 CSS pixels; twice that stays sharp on dense screens. */
    static final int SIZE = 600;

    private static final Logger log = LoggerFactory.getLogger(RecordingCoverService.class);
    private static final SecureRandom random = new SecureRandom();

    @Inject
    RecordingService recordings;

    @Inject
    ObjectStorage storage;

    /** Stores a new cover for the owner's recording and returns its address. */
    @Transactional(TxType.NOT_SUPPORTED)
    public String replace(String publicId, long memberId, InputStream upload) {
        Recording recording = recordings.editable(publicId, memberId);
        byte[] jpeg = ImageResizer.toJpeg(PictureUploads.read(upload, "cover"), SIZE, SIZE);
        String key = recording.storagePrefix() + "cover-" + HexFormat.of().formatHex(nextBytes()) + ".jpg";
        storage.put(key, jpeg, "image/jpeg");
        Optional<String> replaced;
        try {
            replaced = recordings.useCover(publicId, memberId, key);
        } catch (RuntimeException e) {
            deleteUnused(key); // not recorded, so nothing will ever ask for it
            throw e;
        }
        replaced.ifPresent(this::deleteUnused);
        return Recording.artworkUrl(publicId, key);
    }

    /** The cover of a recording {@code viewerId} may see; {@link NotFound} when it has none. */
    public InputStream open(String publicId, Optional<Long> viewerId) {
        Recording recording = recordings.viewable(publicId, viewerId);
        if (!recording.hasCover()) {
            throw new NotFound("cover of " + publicId);
        }
        try {
            return storage.open(recording.getCoverKey());
        } catch (StoredObjectNotFoundException e) {
            // Replaced and deleted between reading the recording and opening the picture.
            throw new NotFound("cover of " + publicId);
        }
    }

    /** A picture no recording refers to only costs storage, so failing to delete it fails nothing else. */
    private void deleteUnused(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            log.warn("Could not delete the unused cover {}; it stays in the bucket", key, e);
        }
    }

    private static byte[] nextBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }
}
