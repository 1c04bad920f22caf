package com.soundhub.platform.rules;

/**
 * The one asking may see the thing but may not do this to it (delete someone else's comment).
 * The web layer answers 403.
 */
public class NotAllowed extends RuntimeException {

    public NotAllowed() {
        super(null, null, false, false);
    }

    public NotAllowed(String why) {
        super(why, null, false, false);
    }
}
