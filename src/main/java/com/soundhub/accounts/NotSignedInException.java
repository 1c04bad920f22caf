package com.soundhub.accounts;

/** Something that needs a signed-in member was asked for anonymously; answered by a sign-in redirect. */
public class NotSignedInException extends RuntimeException {

    public NotSignedInException() {
        super("A signed-in member is required", null, false, false);
    }
}
