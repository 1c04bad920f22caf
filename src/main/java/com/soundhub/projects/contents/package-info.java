/**
 * File contents of projects, stored once each in S3 under their content hash and shared by every
 * revision that holds them; checked by the server before they are kept, and deleted once nothing
 * refers to them. Knows nothing of projects themselves.
 */
package com.soundhub.projects.contents;
