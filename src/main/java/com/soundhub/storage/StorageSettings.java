package com.soundhub.storage;

import java.net.URI;
import java.util.Optional;

/**
 * Where the bucket is. On AWS only bucket and region are set and credentials come from the instance
 * role; locally an endpoint and static keys point at S3Proxy.
 *
 * @param endpoint       the endpoint the application itself uses; empty on AWS
 * @param publicEndpoint the endpoint browsers use for presigned URLs, when it differs (the Host
 *                       header is signed, so {@code localhost} and {@code 127.0.0.1} are not the same)
 */
public record StorageSettings(
        String bucket,
        String region,
        Optional<URI> endpoint,
        Optional<URI> publicEndpoint,
        Optional<String> accessKey,
        Optional<String> secretKey,
        boolean createBucket) {

    public boolean pathStyle() {
        return endpoint.isPresent();
    }

    public Optional<URI> browserEndpoint() {
        return publicEndpoint.or(() -> endpoint);
    }
}
