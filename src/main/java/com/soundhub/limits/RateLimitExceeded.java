package com.soundhub.limits;

import com.soundhub.platform.rules.RuleViolation;

/** A member did something more often than its limit allows; the message says when to try again. */
public class RateLimitExceeded extends RuleViolation {

    /** Errors about a whole form rather than one field (the same name the web layer uses). */
    static final String WHOLE_FORM = "_form";

    public RateLimitExceeded(LimitedAction action) {
        super(WHOLE_FORM, action.message());
    }
}
