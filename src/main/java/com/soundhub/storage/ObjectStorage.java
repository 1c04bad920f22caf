package com.soundhub.storage;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Keys are plain strings such as {@code recordings/42/original}. Large files never pass through
 * the application: browsers upload and download with presigned URLs.
 */
public interface ObjectStorage {

    void put(String key, byte[] content, String contentType);

    void put(String key, Path file, String contentType);

    /** Streams {@code length} bytes from {@code content} into the object without buffering it whole. */
    void put(String key, InputStream content, long length, String contentType);

    /**
     * Opens the object for reading; the caller closes the stream.
     *
     * @throws StoredObjectNotFoundException when there is no such object
     */
    InputStream open(String key);

    /** The first {@code length} bytes of the object (fewer if it is shorter), such as a file header. */
    byte[] readStart(String key, int length);

    /**
     * A URL the application's own tools (ffmpeg) can read the object from, for {@code validFor}; it
     * names the endpoint the server uses, which may differ from the one browsers use.
     */
    URI presignForServer(String key, Duration validFor);

    /** Size and type of the object, or empty when there is none. */
    Optional<StoredObject> describe(String key);

    /**
     * A URL a browser can PUT exactly {@code contentLength} bytes of {@code contentType} to, valid
     * for {@code validFor}. Length and type are signed: a different upload is refused by S3.
     */
    URI presignUpload(String key, String contentType, long contentLength, Duration validFor);

    /**
     * Starts a multipart upload to {@code key}, for files too large for one PUT; returns its id.
     * Parts are sent with {@link #presignUploadPart} URLs and joined by {@link #completeMultipartUpload}.
     */
    String startMultipartUpload(String key, String contentType);

    /** A URL a browser can PUT part {@code partNumber} (from 1), exactly {@code length} bytes, to. */
    URI presignUploadPart(String key, String uploadId, int partNumber, long length, Duration validFor);

    /** The parts uploaded so far: part number to size; empty when the upload is unknown or done. */
    SortedMap<Integer, Long> uploadedParts(String key, String uploadId);

    /** Joins every uploaded part, in order, into the object. */
    void completeMultipartUpload(String key, String uploadId);

    /** Drops an unfinished multipart upload and its parts; nothing happens when it is unknown. */
    void abortMultipartUpload(String key, String uploadId);

    /** A URL a browser can GET the object from for {@code validFor}. */
    URI presignDownload(String key, Duration validFor);

    /** As {@link #presignDownload(String, Duration)}, saved by the browser under {@code fileName}. */
    URI presignDownload(String key, Duration validFor, String fileName);

    /**
     * Copies the object under {@code fromKey} to {@code toKey} inside the bucket, as it is now; a
     * later write to {@code fromKey} does not change the copy.
     *
     * @throws StoredObjectNotFoundException when there is no object under {@code fromKey}
     */
    void copy(String fromKey, String toKey);

    void delete(String key);

    void deleteAll(Collection<String> keys);

    /** Deletes every object whose key starts with {@code prefix}; returns how many. */
    int deleteAllUnder(String prefix);

    /** Throws when the bucket cannot be reached; used by the readiness check. */
    void checkReachable();

    /** The origin (scheme, host, port) browsers talk to for presigned URLs, for the page's CSP. */
    String browserOrigin();
}
