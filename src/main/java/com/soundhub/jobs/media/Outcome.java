package com.soundhub.jobs.media;

/**
 * How an attempt ended when it did not throw: the work is done, or its input is not acceptable
 * and no further attempt could change that. A failure worth another attempt is thrown instead.
 */
public sealed interface Outcome {

    static Outcome done() {
        return new Done();
    }

    /** @param reason for the member, such as "The file is empty." */
    static Outcome rejected(String reason) {
        return new Rejected(reason);
    }

    record Done() implements Outcome {
    }

    record Rejected(String reason) implements Outcome {
    }
}
