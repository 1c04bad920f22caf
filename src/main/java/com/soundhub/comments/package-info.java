/** Comments on recordings, pinned to a moment of the track, with one level of replies. */
package com.soundhub.comments;
