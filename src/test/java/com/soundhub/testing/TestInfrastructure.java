package com.soundhub.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import com.soundhub.devserver.EmbeddedDatabase;
import com.soundhub.devserver.EmbeddedObjectStore;
import com.soundhub.storage.S3ObjectStorage;
import com.soundhub.storage.StorageSettings;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts PostgreSQL and the S3 endpoint once for the whole test run, before Arquillian starts
 * Payara Micro (register this extension before {@code ArquillianExtension}). The ports come from
 * the build, which also hands them to Payara Micro through the environment.
 */
public class TestInfrastructure implements BeforeAllCallback {

    public static final String BUCKET = "soundhub-test";

    private static EmbeddedDatabase database;
    private static EmbeddedObjectStore objectStore;
    private static GreenMail mail;
    private static MockOAuth2Server identityProvider;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (TestInfrastructure.class) {
            if (database != null) {
                return;
            }
            Path work = Path.of(System.getProperty("soundhub.it.work", "target/it-work"));
            deleteRecursively(work);
            database = EmbeddedDatabase.start(work.resolve("postgres").toAbsolutePath(), port("soundhub.it.postgres.port"));
            objectStore = EmbeddedObjectStore.start(work.resolve("s3"), port("soundhub.it.s3.port"));
            mail = new GreenMail(new ServerSetup(port("soundhub.it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            identityProvider = new MockOAuth2Server();
            identityProvider.start(InetAddress.getByName("127.0.0.1"), port("soundhub.it.oidc.port"));
            // The bucket exists before SoundHub starts, as it does in production.
            storage().checkReachable();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(TestInfrastructure.class.getName(), (ExtensionContext.Store.CloseableResource) TestInfrastructure::stop);
        }
    }

    private static void stop() throws Exception {
        identityProvider.shutdown();
        mail.stop();
        objectStore.close();
        database.close();
    }

    private static int port(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run the integration tests through Maven (./mvnw verify)");
        }
        return Integer.parseInt(value);
    }

    /** The OpenID Connect provider the site offers as "Mock ID" (issuer id {@code mock}), told by the tests whom to vouch for. */
    public static MockOAuth2Server identityProvider() {
        return identityProvider;
    }

    /** The SMTP server the site sends its mail to, for reading what it sent. */
    public static GreenMail mail() {
        return mail;
    }

    /** A connection to the test database, for assertions on stored state. */
    public static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
    }

    public static String jdbcUrl() {
        return database.jdbcUrl();
    }

    public static URI s3Endpoint() {
        return objectStore.endpoint();
    }

    /** The storage service, as the application builds it, on the test bucket. */
    public static S3ObjectStorage storage() {
        return new S3ObjectStorage(new StorageSettings(BUCKET, "us-east-1", Optional.of(s3Endpoint()), Optional.empty(),
                Optional.of(EmbeddedObjectStore.ACCESS_KEY), Optional.of(EmbeddedObjectStore.SECRET_KEY), true));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
