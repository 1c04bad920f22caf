package com.soundhub.projects;

/** What is wrong with one file of a push, in words for the member. */
public record FileProblem(String path, String message) {
}
