/** Members following members: the button, the counts and lists on profiles, and the "following" feed's source. */
package com.soundhub.follows;
