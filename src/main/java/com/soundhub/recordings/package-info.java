/**
 * Recordings: their metadata, who may hear them (public, unlisted, private), the HLS playlist with
 * short-lived signed segment URLs, the waveform, and the recording page with its player.
 */
package com.soundhub.recordings;
