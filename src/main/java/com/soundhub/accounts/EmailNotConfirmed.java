package com.soundhub.accounts;

import com.soundhub.platform.rules.RuleViolation;

/**
 * A member who has not confirmed their address tried to put something before others. Forms that
 * show rule violations show it beside what was typed; elsewhere it answers 403 with the same words.
 */
public class EmailNotConfirmed extends RuleViolation {

    static final String MESSAGE = "Confirm your email address first: follow the link we mailed you when you signed up. "
            + "You can ask for a new one in Settings → Email.";

    public EmailNotConfirmed() {
        super("_form", MESSAGE);
    }
}
