package com.soundhub.platform.rules;

/**
 * What was asked for does not exist, or the one asking may not know it exists (a private
 * recording, someone else's upload). The web layer answers 404 either way, so strangers cannot
 * tell the two apart.
 */
public class NotFound extends RuntimeException {

    public NotFound() {
        super(null, null, false, false);
    }

    public NotFound(String what) {
        super(what, null, false, false);
    }
}
