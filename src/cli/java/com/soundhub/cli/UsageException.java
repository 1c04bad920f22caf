package com.soundhub.cli;

/** The command line itself is wrong: printed with a hint at {@code soundhub help}, exit code 2. */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
