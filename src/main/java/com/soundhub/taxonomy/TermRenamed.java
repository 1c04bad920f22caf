package com.soundhub.taxonomy;

/** A term's name changed (inside the rename's transaction): features that keep the name in a text of their own refresh it. */
public record TermRenamed(TermKind kind, short id) {
}
