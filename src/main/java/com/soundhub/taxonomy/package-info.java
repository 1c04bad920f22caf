/**
 * Genres and instruments: the shared vocabulary members tag recordings and profiles with, kept by
 * admins in the back office.
 */
package com.soundhub.taxonomy;
