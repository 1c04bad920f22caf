package com.soundhub.projects;

import java.util.List;

/** Raised inside the transaction that records a proposal; {@code memberIds} are the project's members to tell. */
public record ProjectProposed(long projectId, String projectPublicId, String projectTitle, int number, long proposerId,
                              List<Long> memberIds) {
}
