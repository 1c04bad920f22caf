/**
 * Generated music: a member picks a genre, a mood and a tempo and gets an original piece, composed
 * by a deterministic engine ({@code composition}), rendered offline with the JDK synthesizer
 * ({@code rendering}), and streamed like any recording. This package holds the requests, the job
 * that makes a piece, and the pages; the engine packages hold no web or database code.
 */
package com.soundhub.generator;
