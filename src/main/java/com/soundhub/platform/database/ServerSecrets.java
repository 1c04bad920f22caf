package com.soundhub.platform.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The key SoundHub signs its cookies with. It lives in PostgreSQL so that every instance signs and
 * verifies with the same key; the first instance to start creates it.
 */
@ApplicationScoped
public class ServerSecrets {

    private static final String SIGNING_KEY = "signing";
    private static final int KEY_BYTES = 32;

    @Resource(lookup = DataSources.DIRECT)
    private DataSource dataSource;

    private volatile byte[] signingKey;

    public byte[] signingKey() {
        byte[] key = signingKey;
        if (key == null) {
            synchronized (this) {
                if (signingKey == null) {
                    signingKey = loadOrCreate(SIGNING_KEY);
                }
                key = signingKey;
            }
        }
        return key;
    }

    private byte[] loadOrCreate(String name) {
        byte[] candidate = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(candidate);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO server_secrets (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setBytes(2, candidate);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT secret FROM server_secrets WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getBytes(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the server secret '" + name + "'", e);
        }
    }
}
