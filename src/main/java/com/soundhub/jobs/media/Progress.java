package com.soundhub.jobs.media;

/**
 * How far an attempt is, as progress pages receive it between state changes
 * ({@code static/js/progress.js} reads {@code state} and {@code percent}).
 *
 * @param state the subject's state while it makes progress, such as {@code TRANSCODING}
 * @param percent 0 to 100
 */
public record Progress(String state, int percent) {
}
