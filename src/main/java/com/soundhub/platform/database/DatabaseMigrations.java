package com.soundhub.platform.database;

import javax.sql.DataSource;

import com.soundhub.platform.config.MissingSettingException;
import com.soundhub.platform.config.RequiredSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date before anything else touches the database. Flyway takes a
 * PostgreSQL advisory lock, so several instances starting together migrate once.
 */
@DataSourceDefinitions({
        @DataSourceDefinition(
                name = DataSources.TRANSACTIONAL,
                className = "org.postgresql.ds.PGSimpleDataSource",
                url = "${MPCONFIG=soundhub.db.url}",
                user = "${MPCONFIG=soundhub.db.user}",
                password = "${MPCONFIG=soundhub.db.password}",
                minPoolSize = 2,
                maxPoolSize = 32,
                maxIdleTime = 300,
                properties = {
                        "fish.payara.is-connection-validation-required=true",
                        "fish.payara.connection-validation-method=custom-validation",
                        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                        "fish.payara.fail-all-connections=true",
                        // A check per borrow would cost a round trip each time a page reads anything.
                        "fish.payara.validate-atmost-once-period-in-seconds=20",
                        "ApplicationName=soundhub"
                }),
        @DataSourceDefinition(
                name = DataSources.DIRECT,
                className = "org.postgresql.ds.PGSimpleDataSource",
                url = "${MPCONFIG=soundhub.db.url}",
                user = "${MPCONFIG=soundhub.db.user}",
                password = "${MPCONFIG=soundhub.db.password}",
                transactional = false,
                minPoolSize = 1,
                maxPoolSize = 12,
                maxIdleTime = 300,
                properties = {
                        "fish.payara.is-connection-validation-required=true",
                        "fish.payara.connection-validation-method=custom-validation",
                        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                        "fish.payara.fail-all-connections=true",
                        // A check per borrow would cost a round trip each time a page reads anything.
                        "fish.payara.validate-atmost-once-period-in-seconds=20",
                        "ApplicationName=soundhub-direct"
                })
})
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrations.class);

    @Resource(lookup = DataSources.DIRECT)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        var missing = RequiredSettings.missing(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class));
        if (!missing.isEmpty()) {
            String message = RequiredSettings.describe(missing);
            log.error(message);
            throw new MissingSettingException(message);
        }
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        log.info("Database schema at version {} ({} migrations applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }
}
