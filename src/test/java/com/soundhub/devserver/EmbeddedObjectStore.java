package com.soundhub.devserver;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible endpoint (S3Proxy) keeping objects as files in a folder of ours. Browsers reach
 * it directly with presigned URLs, so it answers CORS requests from any origin: it only ever runs
 * on a developer's machine or in tests.
 */
public final class EmbeddedObjectStore implements AutoCloseable {

    public static final String ACCESS_KEY = "local-access-key";
    public static final String SECRET_KEY = "local-secret-key";

    private final S3Proxy proxy;
    private final int port;

    private EmbeddedObjectStore(S3Proxy proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    public static EmbeddedObjectStore start(Path directory, int port) throws Exception {
        Files.createDirectories(directory);
        Properties properties = new Properties();
        properties.setProperty("s3proxy.endpoint", "http://0.0.0.0:" + port);
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", ACCESS_KEY);
        properties.setProperty("s3proxy.credential", SECRET_KEY);
        properties.setProperty("s3proxy.cors-allow-all", "true");
        properties.setProperty("s3proxy.cors-exposed-headers", "ETag");
        properties.setProperty("s3proxy.ignore-unknown-headers", "true");
        S3Proxy proxy = S3Proxy.Builder.fromProperties(properties)
                .blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()))
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
        return new EmbeddedObjectStore(proxy, port);
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
