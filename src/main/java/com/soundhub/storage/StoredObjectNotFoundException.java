package com.soundhub.storage;

public class StoredObjectNotFoundException extends RuntimeException {

    public StoredObjectNotFoundException(String key) {
        super("No stored object " + key);
    }
}
