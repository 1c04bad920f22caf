package com.soundhub.projects;

/** Where a proposal stands. */
public enum ProposalState {
    OPEN("Open"),
    ACCEPTED("Accepted"),
    DECLINED("Declined"),
    WITHDRAWN("Withdrawn");

    private final String label;

    ProposalState(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
