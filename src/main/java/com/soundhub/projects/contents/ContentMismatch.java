package com.soundhub.projects.contents;

/** The bytes that arrived are not the content they were sent as: another size or another hash. */
public class ContentMismatch extends RuntimeException {

    public ContentMismatch(String why) {
        super(why, null, false, false);
    }
}
