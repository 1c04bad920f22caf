/**
 * Co-production projects: members and their roles, invitations, and an immutable history of
 * revisions. A revision is a manifest (path to content hash and size) written once; pushes send
 * only the contents the server lacks and are replayed onto newer work under the project's lock;
 * checkouts stream a revision, or only what changed, as a zip.
 */
package com.soundhub.projects;
