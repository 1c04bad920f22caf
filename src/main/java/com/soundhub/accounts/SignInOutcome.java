package com.soundhub.accounts;

import java.time.Duration;

/** How a sign-in attempt ended. */
public sealed interface SignInOutcome {

    record SignedIn(Member member) implements SignInOutcome {
    }

    /** Wrong email or password; deliberately does not say which. */
    record Refused(String message) implements SignInOutcome {
    }

    /** Too many failures: no attempt is checked until the lock ends. */
    record Locked(Duration retryAfter, String message) implements SignInOutcome {
    }
}
