package com.soundhub.platform.database;

/**
 * JNDI names of SoundHub's two pools on the same PostgreSQL database. Both are defined on
 * {@link DatabaseMigrations} from MicroProfile Config.
 */
public final class DataSources {

    /** Enlisted in JTA transactions; used by JPA. */
    public static final String TRANSACTIONAL = "java:app/jdbc/soundhub";

    /**
     * Not enlisted in JTA: for code that manages its own transactions on plain JDBC (Flyway, the
     * job scheduler, LISTEN/NOTIFY, secrets bootstrap).
     */
    public static final String DIRECT = "java:app/jdbc/soundhub-direct";

    private DataSources() {
    }
}
