package com.soundhub.platform.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Elastic Beanstalk hands an attached RDS database to the application as {@code RDS_HOSTNAME},
 * {@code RDS_PORT}, {@code RDS_DB_NAME}, {@code RDS_USERNAME} and {@code RDS_PASSWORD}. This source
 * turns them into the {@code soundhub.db.*} keys, so the same WAR runs there from the environment
 * alone. Its ordinal is below the environment's, so an explicit {@code SOUNDHUB_DB_URL} still wins.
 */
public class RdsConfigSource implements ConfigSource {

    static final int ORDINAL = 150;

    private final Map<String, String> properties;

    public RdsConfigSource() {
        this(System.getenv());
    }

    RdsConfigSource(Map<String, String> environment) {
        this.properties = fromEnvironment(environment);
    }

    static Map<String, String> fromEnvironment(Map<String, String> env) {
        String host = env.get("RDS_HOSTNAME");
        if (host == null || host.isBlank()) {
            return Map.of();
        }
        Map<String, String> result = new HashMap<>();
        String port = env.getOrDefault("RDS_PORT", "5432");
        String database = env.getOrDefault("RDS_DB_NAME", "ebdb");
        result.put("soundhub.db.url", "jdbc:postgresql://" + host + ":" + port + "/" + database);
        putIfPresent(result, "soundhub.db.user", env.get("RDS_USERNAME"));
        putIfPresent(result, "soundhub.db.password", env.get("RDS_PASSWORD"));
        return Map.copyOf(result);
    }

    private static void putIfPresent(Map<String, String> target, String key, String value) {
        if (value != null) {
            target.put(key, value);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "Elastic Beanstalk RDS environment";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
