package com.soundhub.projects;

/** Raised inside the transaction that accepts or declines a proposal, for its proposer. */
public record ProposalDecided(long projectId, String projectPublicId, String projectTitle, int number, long proposerId,
                              long decidedBy, ProposalState state, Integer revision) {
}
