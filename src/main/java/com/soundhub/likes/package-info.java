/** Likes on recordings: the button, the count, and the "liked" list of a profile. */
package com.soundhub.likes;
