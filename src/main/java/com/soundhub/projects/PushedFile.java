package com.soundhub.projects;

/** A file of the folder a member pushes, as the browser or the command-line client describe it. */
public record PushedFile(String path, long size, String hash) {
}
