package com.soundhub.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** What the site mailed, read back from the tests' GreenMail server. */
public final class Mailbox {

    public static final String RESET = "Reset your SoundHub password";
    public static final String CONFIRM_SIGN_UP = "Confirm your email address for SoundHub";

    private Mailbox() {
    }

    /**
     * The mails (subject, a new line, then the text) to {@code address} whose subject begins with
     * {@code subject}, once {@code count} have arrived or ten seconds passed.
     */
    public static List<String> to(String address, String subject, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (true) {
                List<String> mails = new ArrayList<>();
                for (MimeMessage message : TestInfrastructure.mail().getReceivedMessages()) {
                    if (message.getSubject().startsWith(subject)
                            && Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(address))) {
                        // The text as decoded by the mail client, quoted-printable soft line breaks gone.
                        Object content = message.getContent();
                        mails.add(message.getSubject() + "\n" + (content instanceof String text ? text : GreenMailUtil.getBody(message)));
                    }
                }
                if (mails.size() >= count || System.nanoTime() > deadline) {
                    return mails;
                }
                Thread.sleep(100);
            }
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A header of the newest mail to {@code address} whose subject begins with {@code subject}. */
    public static String header(String address, String subject, String name) {
        try {
            String found = null;
            for (MimeMessage message : TestInfrastructure.mail().getReceivedMessages()) {
                if (message.getSubject().startsWith(subject)
                        && Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(address))) {
                    found = message.getHeader(name, ",");
                }
            }
            return found;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the password reset link in {@code mail}. */
    public static String resetToken(String mail) {
        return token(mail, "/password/reset");
    }

    /** The token of the link to {@code path} in {@code mail}. */
    public static String token(String mail, String path) {
        // Quoted-printable text breaks long lines with a trailing "=".
        Matcher link = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]{43})")
                .matcher(mail.replace("=\r\n", "").replace("=\n", ""));
        assertThat(link.find()).as("a link to %s in: %s", path, mail).isTrue();
        return link.group(1);
    }
}
