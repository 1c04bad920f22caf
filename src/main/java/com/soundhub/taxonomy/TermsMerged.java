package com.soundhub.taxonomy;

/**
 * Everything tagged with {@code from} is to be tagged with {@code into} instead. Fired inside the
 * merge's transaction, before {@code from} is deleted: each feature moves its own references, and
 * a reference left behind makes the delete (and so the whole merge) fail.
 */
public record TermsMerged(TermKind kind, short from, short into) {
}
