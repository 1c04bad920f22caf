package com.soundhub.reports;

/** Why something is reported. */
public enum ReportReason {
    COPYRIGHT("It uses my work or someone else's without permission"),
    OFFENSIVE("It is hateful, harassing or offensive"),
    SPAM("It is spam or misleading"),
    OTHER("Something else");

    private final String label;

    ReportReason(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
