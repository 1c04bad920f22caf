/** The front page feeds (latest, trending, following) and browsing by genre and instrument. */
package com.soundhub.home;
