package com.soundhub.projects;

import java.util.Optional;

/** A project as one viewer may see it, with the viewer's role in it (empty for non-members). */
public record ProjectAccess(Project project, Optional<ProjectRole> role) {

    public boolean mayPush() {
        return role.map(ProjectRole::mayPush).orElse(false);
    }

    public boolean mayManage() {
        return role.map(ProjectRole::mayManage).orElse(false);
    }

    public boolean isMember() {
        return role.isPresent();
    }
}
