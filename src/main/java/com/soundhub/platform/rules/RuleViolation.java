package com.soundhub.platform.rules;

/**
 * A service refused a request because it breaks one of its rules ("that nickname is taken").
 * The message is written for the member; {@code field} names the form field it belongs to, if any.
 */
public class RuleViolation extends RuntimeException {

    private final String field;

    public RuleViolation(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
