package com.soundhub.comments;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A comment as the recording page's form sends it; the moment arrives as text ("1:23" or seconds). */
public class CommentForm {

    @FormParam("body")
    @MvcBinding
    @NotBlank(message = "Write something first.")
    @Size(max = 1000, message = "A comment can be at most 1,000 characters long.")
    private String body;

    @FormParam("at")
    @MvcBinding
    @Pattern(regexp = "^\\s*$|^\\s*\\d{1,3}:\\d\\d\\s*$|^\\s*\\d{1,5}(\\.\\d{1,3})?\\s*$",
            message = "Give the moment as minutes:seconds, like 1:23.")
    private String at;

    @FormParam("replyTo")
    @MvcBinding
    @Pattern(regexp = "^$|^[0-9]{1,18}$", message = "That comment cannot be answered.")
    private String replyTo;

    public CommentForm() {
    }

    public String getBody() {
        return body;
    }

    public String getAt() {
        return at;
    }

    public String getReplyTo() {
        return replyTo;
    }

    /** The moment in milliseconds, or null when none was given. */
    Integer atMillis() {
        if (at == null || at.isBlank()) {
            return null;
        }
        String text = at.strip();
        int colon = text.indexOf(':');
        if (colon > 0) {
            return (Integer.parseInt(text.substring(0, colon)) * 60 + Integer.parseInt(text.substring(colon + 1))) * 1000;
        }
        return (int) Math.round(Double.parseDouble(text) * 1000);
    }

    /**
     * Minutes and seconds where the seconds are 60 or more ("1:75"). Such a moment is read as what
     * it adds up to, so that one far past the end can be called that; otherwise the service asks
     * for seconds up to 59.
     */
    boolean hasSecondsPast59() {
        if (at == null || at.indexOf(':') < 0) {
            return false;
        }
        String seconds = at.strip().substring(at.strip().indexOf(':') + 1);
        return Integer.parseInt(seconds) >= 60;
    }

    Long replyToId() {
        return replyTo == null || replyTo.isBlank() ? null : Long.valueOf(replyTo);
    }
}
