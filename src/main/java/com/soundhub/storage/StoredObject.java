package com.soundhub.storage;

/** What the store knows about an object without reading it. */
public record StoredObject(String key, long size, String contentType, String etag) {
}
