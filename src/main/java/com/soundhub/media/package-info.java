/**
 * Audio processing with the real ffmpeg and ffprobe (bundled binaries, or configured ones): probing,
 * one-pass transcoding to an HLS rendition with waveform peaks and EBU R128 loudness, and the small
 * parsers that read ffmpeg's output; pictures (avatars, banners, covers) turned upright by their EXIF
 * orientation and resized to JPEG. Every program runs under a watchdog in a
 * {@link com.soundhub.media.ProcessGroup}, so none outlives the JVM or the work that started it.
 * No database or web code.
 */
package com.soundhub.media;
