/** Benchmarks run by hand (see bench/README.md); their numbers are written down there, not asserted. */
package com.soundhub.bench;
