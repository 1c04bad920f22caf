/**
 * Offline audio rendering of compositions and MIDI sequences to 16-bit, 44.1 kHz
 * stereo WAV using the JDK's software synthesizer, faster than real time.
 *
 * <p>Requires the JVM flag {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}
 * ({@link com.soundhub.generator.rendering.OfflineRenderer} says why);
 * {@link com.soundhub.generator.rendering.RendererStartupCheck} stops the application at
 * start-up without it.
 */
package com.soundhub.generator.rendering;
