package com.soundhub.cli;

import java.util.List;

/** Something went wrong that the user should read about: printed as it is, exit code 1, no stack trace. */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> details;

    public CliException(String message) {
        this(message, List.of());
    }

    public CliException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    /** Lines printed under the message, one per file or field. */
    public List<String> details() {
        return details;
    }
}
