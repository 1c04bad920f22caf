package com.soundhub.projects;

/** Raised inside the transaction that deletes a project. */
public record ProjectDeleted(long projectId, String publicId) {
}
