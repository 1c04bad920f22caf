/** How services tell the web layer that a request breaks a rule, in words a member understands. */
package com.soundhub.platform.rules;
