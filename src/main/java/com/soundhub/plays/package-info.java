/** Plays counted on the server (one per listener per half hour) and the trending ranking built from plays and likes. */
package com.soundhub.plays;
