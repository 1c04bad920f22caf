package com.soundhub.storage;

import com.soundhub.platform.config.BrowserOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The object store's origin, for the pages' Content-Security-Policy. */
@ApplicationScoped
public class StorageOrigins implements BrowserOrigins {

    @Inject
    ObjectStorage storage;

    @Override
    public String objectStore() {
        return storage.browserOrigin();
    }
}
