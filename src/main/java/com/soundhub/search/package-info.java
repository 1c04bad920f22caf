/** Search across recordings, members and tags: PostgreSQL full-text search with trigram matching for typos. */
package com.soundhub.search;
