package com.soundhub.projects;

/** What a member may do in a project; each role may do everything the ones below it may. */
public enum ProjectRole {
    LISTENER("Listener", "plays and downloads"),
    PRODUCER("Producer", "also pushes revisions"),
    OWNER("Owner", "also changes settings, members and roles, and may delete the project");

    private final String label;
    private final String explanation;

    ProjectRole(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public boolean mayPush() {
        return this != LISTENER;
    }

    public boolean mayManage() {
        return this == OWNER;
    }

    public String getLabel() {
        return label;
    }

    public String getExplanation() {
        return explanation;
    }
}
