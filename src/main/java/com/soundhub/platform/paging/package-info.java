/** Keyset pagination: cursors and pages of results that stay correct while new items arrive. */
package com.soundhub.platform.paging;
