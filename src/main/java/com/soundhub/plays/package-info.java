/** Plays counted on the server (one per listener per half hour) and their daily tallies, which trending ranks by. */
package com.soundhub.plays;
