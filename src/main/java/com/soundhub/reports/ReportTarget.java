package com.soundhub.reports;

/** What can be reported. */
public enum ReportTarget {
    RECORDING("recording"),
    COMMENT("comment"),
    MEMBER("member"),
    /** A direct message; only its recipient can report it. */
    MESSAGE("message");

    private final String label;

    ReportTarget(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
