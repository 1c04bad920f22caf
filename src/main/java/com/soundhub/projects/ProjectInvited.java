package com.soundhub.projects;

/** Raised inside the transaction that invites a member to a project. */
public record ProjectInvited(long projectId, String projectPublicId, String projectTitle, long memberId, long invitedBy,
                             ProjectRole role) {
}
