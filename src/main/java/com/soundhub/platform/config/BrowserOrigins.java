package com.soundhub.platform.config;

/**
 * Origins outside the site that pages talk to: the object store's, where presigned uploads go and
 * media plays from. The security headers let pages use it; the storage feature knows it.
 */
public interface BrowserOrigins {

    /** Scheme, host and port of the object store as browsers reach it. */
    String objectStore();
}
