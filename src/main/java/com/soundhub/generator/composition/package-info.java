/**
 * Composition model and engine: requests ({@link com.soundhub.generator.composition.CompositionRequest}),
 * the {@link com.soundhub.generator.composition.Composer} that turns them into a
 * {@link com.soundhub.generator.composition.Composition} of four parts, the
 * {@link com.soundhub.generator.composition.MidiFileWriter} and objective
 * {@link com.soundhub.generator.composition.MusicMetrics}.
 *
 * <p>Everything here is pure computation: no I/O beyond writing bytes to a stream, no
 * clocks and no shared mutable state. The same request always yields the same piece.
 */
package com.soundhub.generator.composition;
