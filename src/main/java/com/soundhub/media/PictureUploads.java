package com.soundhub.media;

import java.io.IOException;
import java.io.InputStream;

import com.soundhub.platform.rules.RuleViolation;

/** Pictures members send (avatars, banners, covers) pass through the app; this reads one, refusing what is too big. */
public final class PictureUploads {

    /** Anything bigger is refused while it is read, before it fills memory. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private PictureUploads() {
    }

    /**
     * The picture's bytes.
     *
     * @param field the form field a refusal belongs to
     * @throws RuleViolation when it is empty, larger than 10 MB, or did not arrive whole
     */
    public static byte[] read(InputStream upload, String field) {
        try {
            byte[] bytes = upload.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new RuleViolation(field, "That picture is larger than 10 MB; use a smaller one.");
            }
            if (bytes.length == 0) {
                throw new RuleViolation(field, "Choose a picture first.");
            }
            return bytes;
        } catch (IOException e) {
            throw new RuleViolation(field, "The picture did not arrive completely. Try again.");
        }
    }
}
