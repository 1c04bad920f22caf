/**
 * Demo content for a local run: a few members (one admin) and generated pieces to play, so that a
 * newcomer sees a living site.
 * Only active when {@code soundhub.demo-content} is true, which the local launcher sets.
 */
package com.soundhub.demo;
