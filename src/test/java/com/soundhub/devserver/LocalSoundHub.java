package com.soundhub.devserver;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * Starts the whole site on embedded defaults: PostgreSQL and S3Proxy with their data under
 * {@code var/}, then Payara Micro with the WAR, with demo content. Ctrl-C stops all three.
 *
 * <p>Run it with {@code ./mvnw -Prun}. Options: {@code --port=8080}, {@code --db-port=54329},
 * {@code --s3-port=9199}, {@code --smtp-port=3025}, {@code --oidc-port=9198}, {@code --data=var}. Mail the
 * site sends is printed; "Sign in with Local ID" signs in as whoever is typed at a local OpenID
 * Connect provider (mock-oauth2-server with its login form).
 */
public final class LocalSoundHub {

    private LocalSoundHub() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Map<String, String> options = parse(args);
        Path war = Path.of(required(options, "war"));
        Path payaraJar = Path.of(required(options, "payara"));
        Path data = Path.of(options.getOrDefault("data", "var"));
        int httpPort = Integer.parseInt(options.getOrDefault("port", "8080"));
        int dbPort = Integer.parseInt(options.getOrDefault("db-port", "54329"));
        int s3Port = Integer.parseInt(options.getOrDefault("s3-port", "9199"));
        int smtpPort = Integer.parseInt(options.getOrDefault("smtp-port", "3025"));
        int oidcPort = Integer.parseInt(options.getOrDefault("oidc-port", "9198"));
        List<String> jvmFlags = new ArrayList<>(Arrays.asList(options.getOrDefault("jvm-flags", "").trim().split("\\s+")));
        jvmFlags.removeIf(String::isBlank);
        jvmFlags.add("-Xmx1g");

        say("Starting PostgreSQL (data in " + data.resolve("postgres") + ") ...");
        EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("postgres").toAbsolutePath(), dbPort);
        say("Starting the S3 endpoint (objects in " + data.resolve("s3") + ") ...");
        EmbeddedObjectStore objectStore = EmbeddedObjectStore.start(data.resolve("s3"), s3Port);

        say("Starting a mail server (SMTP on port " + smtpPort + "); the mail SoundHub sends is printed here ...");
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();

        say("Starting an OpenID Connect provider (port " + oidcPort + ") for \"Sign in with Local ID\" ...");
        MockOAuth2Server identityProvider = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
        identityProvider.start(InetAddress.getByName("127.0.0.1"), oidcPort);

        Map<String, String> environment = SiteEnvironment.of(database, objectStore.endpoint(), "soundhub");
        environment.put("SOUNDHUB_DEMO_CONTENT", "true");
        environment.put("SOUNDHUB_MAIL_HOST", "localhost");
        environment.put("SOUNDHUB_MAIL_PORT", String.valueOf(smtpPort));
        environment.put("SOUNDHUB_MAIL_STARTTLS", "false");
        environment.put("SOUNDHUB_OIDC_PROVIDERS", "local");
        environment.put("SOUNDHUB_OIDC_LOCAL_ISSUER", "http://localhost:" + oidcPort + "/local");
        environment.put("SOUNDHUB_OIDC_LOCAL_CLIENT_ID", "soundhub");
        environment.put("SOUNDHUB_OIDC_LOCAL_CLIENT_SECRET", "local-secret");
        environment.put("SOUNDHUB_OIDC_LOCAL_LABEL", "Local ID");

        say("Starting Payara Micro with SoundHub on port " + httpPort + " ...");
        PayaraProcess server = PayaraProcess.start(payaraJar, war, httpPort, jvmFlags, environment,
                data.resolve("logs/soundhub.log"));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping SoundHub ...");
            try {
                server.close();
            } catch (Exception e) {
                say("Payara Micro did not stop cleanly: " + e);
            }
            mail.stop();
            identityProvider.shutdown();
            try {
                objectStore.close();
            } catch (Exception e) {
                say("S3 endpoint did not stop cleanly: " + e);
            }
            try {
                database.close();
            } catch (Exception e) {
                say("PostgreSQL did not stop cleanly: " + e);
            }
            say("Stopped.");
        }, "soundhub-shutdown"));

        server.awaitReady(Duration.ofMinutes(3));
        double seconds = (System.nanoTime() - started) / 1e9;
        say("");
        say("SoundHub is running at " + server.baseUri() + String.format(Locale.ROOT, "  (ready in %.1f s)", seconds));
        say("  Demo members, all with the password \"listen-to-this\":");
        say("    admin@soundhub.local (admin), mina@soundhub.local, jun@soundhub.local, sora@soundhub.local");
        say("  Server log: " + data.resolve("logs/soundhub.log"));
        say("  Press Ctrl-C to stop.");
        int printed = 0;
        while (server.isAlive()) {
            Thread.sleep(500);
            printed = printNewMail(mail, printed);
        }
        say("Payara Micro has exited; see the server log.");
        System.exit(1);
    }

    /** Prints the mail received since {@code printed} (such as a password reset link); returns how many are printed now. */
    private static int printNewMail(GreenMail mail, int printed) {
        MimeMessage[] received = mail.getReceivedMessages();
        for (int i = printed; i < received.length; i++) {
            try {
                say("Mail to " + Arrays.toString(received[i].getAllRecipients()) + ": " + received[i].getSubject());
                for (String line : GreenMailUtil.getBody(received[i]).replace("=\r\n", "").split("\\R")) {
                    if (!line.isBlank()) {
                        say("  " + line.strip());
                    }
                }
            } catch (MessagingException e) {
                say("A mail could not be read: " + e.getMessage());
            }
        }
        return received.length;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            // Options may arrive several to one argument (-Dsoundhub.run.args="--port=1 --data=x").
            String[] parts = arg.startsWith("--jvm-flags=") ? new String[]{arg} : arg.trim().split("\\s+(?=--)");
            for (String part : parts) {
                if (part.startsWith("--") && part.contains("=")) {
                    options.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                }
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing --" + name + "=...");
        }
        return value;
    }

    private static void say(String line) {
        System.out.println("[soundhub] " + line);
        System.out.flush();
    }
}
