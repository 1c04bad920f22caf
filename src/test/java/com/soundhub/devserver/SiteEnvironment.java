package com.soundhub.devserver;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The environment that points a SoundHub instance at the embedded PostgreSQL and S3 endpoint. */
public final class SiteEnvironment {

    private SiteEnvironment() {
    }

    /** A map to add to: the database, the bucket (created on start) and the endpoint's keys. */
    public static Map<String, String> of(EmbeddedDatabase database, URI s3Endpoint, String bucket) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SOUNDHUB_DB_URL", database.jdbcUrl());
        environment.put("SOUNDHUB_DB_USER", EmbeddedDatabase.USER);
        environment.put("SOUNDHUB_DB_PASSWORD", EmbeddedDatabase.PASSWORD);
        environment.put("SOUNDHUB_S3_ENDPOINT", s3Endpoint.toString());
        environment.put("SOUNDHUB_S3_BUCKET", bucket);
        environment.put("SOUNDHUB_S3_ACCESS_KEY", EmbeddedObjectStore.ACCESS_KEY);
        environment.put("SOUNDHUB_S3_SECRET_KEY", EmbeddedObjectStore.SECRET_KEY);
        environment.put("SOUNDHUB_S3_CREATE_BUCKET", "true");
        return environment;
    }
}
