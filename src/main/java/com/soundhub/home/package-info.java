/** The front page. */
package com.soundhub.home;
