package com.soundhub.projects;

/** Where a master's bounce stands. */
public enum MasterState {
    QUEUED("Waiting to mix", false),
    MIXING("Mixing", false),
    DONE("Ready", true),
    FAILED("Failed", true);

    private final String label;
    private final boolean finished;

    MasterState(String label, boolean finished) {
        this.label = label;
        this.finished = finished;
    }

    public String getLabel() {
        return label;
    }

    public boolean isFinished() {
        return finished;
    }
}
