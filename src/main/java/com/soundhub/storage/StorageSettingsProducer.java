package com.soundhub.storage;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads {@link StorageSettings} from MicroProfile Config ({@code soundhub.s3.*}). */
@ApplicationScoped
public class StorageSettingsProducer {

    @Inject
    @ConfigProperty(name = "soundhub.s3.bucket")
    String bucket;

    @Inject
    @ConfigProperty(name = "soundhub.s3.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "soundhub.s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "soundhub.s3.public-endpoint")
    Optional<String> publicEndpoint;

    @Inject
    @ConfigProperty(name = "soundhub.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "soundhub.s3.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "soundhub.s3.create-bucket", defaultValue = "false")
    boolean createBucket;

    public StorageSettings settings() {
        return new StorageSettings(bucket, region,
                endpoint.filter(s -> !s.isBlank()).map(URI::create),
                publicEndpoint.filter(s -> !s.isBlank()).map(URI::create),
                accessKey.filter(s -> !s.isBlank()), secretKey.filter(s -> !s.isBlank()), createBucket);
    }
}
