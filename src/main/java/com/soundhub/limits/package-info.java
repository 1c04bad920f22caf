/** Rate limits on members' actions, counted in PostgreSQL so that all instances share them. */
package com.soundhub.limits;
