package com.soundhub.web;

/**
 * Some public pages look different to visitors now: the one at {@code path} and those under it
 * (a new comment on a recording), or every one when {@code path} is null (a recording made
 * private leaves feeds, profiles and searches). Raised on every instance by
 * {@link PublicPageNotices} once the change has committed.
 */
public record PublicPagesChanged(String path) {

    /** Whether a page at {@code pagePath} is among those that changed. */
    public boolean concerns(String pagePath) {
        return path == null || pagePath.equals(path) || pagePath.startsWith(path + "/");
    }
}
