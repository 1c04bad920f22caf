/**
 * Site settings an admin changes while SoundHub runs (sign-ups open, upload and generation limits,
 * an announcement): kept in the database, read by every instance from a copy it forgets as soon
 * as any instance saves a change.
 */
package com.soundhub.site;
