/**
 * The back office, for admins only: the dashboard, members, the moderation queue and the audit
 * log. It owns only the audit log; everything it changes goes through the owning feature's
 * service, which checks the admin role again, and every action it takes is written to the log.
 */
package com.soundhub.admin;
