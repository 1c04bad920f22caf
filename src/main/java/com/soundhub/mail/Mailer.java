package com.soundhub.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.soundhub.jobs.JobDefinition;
import com.soundhub.jobs.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends plain-text mail through a job: {@link #send} schedules it in the caller's transaction (so a
 * mail goes only if what it announces was stored), and the job retries with growing waits while
 * the SMTP server cannot be reached. Without {@code soundhub.mail.host} the mail is written to the
 * log instead, which is what a local run without a mail server wants.
 */
@ApplicationScoped
public class Mailer implements JobDefinition {

    static final String NAME = "send-mail";
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final Jsonb JSON = JsonbBuilder.create();

    /** One mail, as the job's data; {@code headers} may be null (mails queued before there were any). */
    public record Mail(String to, String subject, String text, Map<String, String> headers) {
    }

    @Inject
    Jobs jobs;

    @Inject
    @ConfigProperty(name = "soundhub.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "soundhub.mail.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "soundhub.mail.starttls", defaultValue = "true")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "soundhub.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "soundhub.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "soundhub.mail.from", defaultValue = "SoundHub <no-reply@soundhub.local>")
    String from;

    private final Task<String> task = Tasks.oneTime(NAME, String.class)
            .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10), 2.0))
            .execute((instance, context) -> deliver(JSON.fromJson(instance.getData(), Mail.class)));

    @Override
    public Task<?> task() {
        return task;
    }

    /** Sends {@code text} to {@code to} soon, within the caller's transaction. */
    public void send(String to, String subject, String text) {
        send(to, subject, text, Map.of());
    }

    /** As {@link #send(String, String, String)}, with extra headers (such as {@code List-Unsubscribe}). */
    public void send(String to, String subject, String text, Map<String, String> headers) {
        String id = UUID.randomUUID().toString();
        jobs.scheduleIfAbsent(task.instance(id, JSON.toJson(new Mail(to, subject, text, headers))), Instant.now());
    }

    private void deliver(Mail mail) {
        if (host.isEmpty()) {
            log.info("No mail server is configured (soundhub.mail.host); the mail to {} would say:\n{}\n\n{}", mail.to(), mail.subject(),
                    mail.text());
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        if (startTls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        properties.put("mail.smtp.auth", String.valueOf(username.isPresent()));
        try {
            Session session = Session.getInstance(properties);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.text(), "UTF-8");
            if (mail.headers() != null) {
                for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                    message.setHeader(header.getKey(), header.getValue());
                }
            }
            if (username.isPresent()) {
                Transport.send(message, username.get(), password.orElse(""));
            } else {
                Transport.send(message);
            }
            log.info("Sent \"{}\" to {}", mail.subject(), mail.to());
        } catch (MessagingException e) {
            // The job's failure handler tries again later; the queue shows the error meanwhile.
            throw new IllegalStateException("Could not send \"" + mail.subject() + "\": " + e.getMessage(), e);
        }
    }
}
