/**
 * Audio processing with the real ffmpeg and ffprobe (bundled binaries, or configured ones): probing,
 * one-pass transcoding to an HLS rendition with waveform peaks and EBU R128 loudness, and the small
 * parsers that read ffmpeg's output. No database or web code.
 */
package com.soundhub.media;
