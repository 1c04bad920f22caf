package com.soundhub.reports;

/** What can be reported. */
public enum ReportTarget {
    RECORDING("recording"),
    COMMENT("comment"),
    MEMBER("member");

    private final String label;

    ReportTarget(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
