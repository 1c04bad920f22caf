/**
 * File contents of projects, stored once each in S3 under their content hash and shared by every
 * revision that holds them; checked by the server before they are kept, analysed once if they are
 * audio, and deleted once nothing refers to them. It reads which rows refer to a content (revision
 * files, pushes under way) but imports no class of {@code projects}: projects use contents, not
 * the other way round.
 */
package com.soundhub.projects.contents;
