/**
 * Media work, one abstraction for every kind of it (processing uploads, making generated pieces,
 * and what co-production adds): a feature implements {@link com.soundhub.jobs.media.MediaWork},
 * a small interface, and gets a durable job ({@link com.soundhub.jobs.media.MediaJob}) that owns
 * <ul>
 * <li>the lifecycle: begin, perform, then done, rejected, retrying or given up, each move told to
 * the feature, which records it in its own states and history;</li>
 * <li>attempts and back-off: one {@link com.soundhub.jobs.media.RetryPolicy}, configured per kind,
 * on top of db-scheduler's failure count, heartbeats and revival of dead executions;</li>
 * <li>a scratch folder per attempt ({@link com.soundhub.jobs.media.WorkFolders}), removed when the
 * attempt ends, and at start-up for instances of the host that died;</li>
 * <li>the programs an attempt starts (ffmpeg, ffprobe), killed when the attempt ends or is
 * abandoned, and, through their watchdogs ({@code media.ProcessGroup}), when the instance dies;</li>
 * <li>progress events ({@link com.soundhub.jobs.media.Progress}), records sent as JSON.</li>
 * </ul>
 * It depends on {@code jobs} and {@code media} only; features depend on it, never the reverse.
 */
package com.soundhub.jobs.media;
