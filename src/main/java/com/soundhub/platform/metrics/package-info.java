/**
 * What operators watch, as application metrics on {@code /metrics}: request times and outcomes,
 * the job queue, uploads that stopped moving, and the disk media work uses. The alert rules and
 * the dashboard under {@code deploy/monitoring/} are written against these names.
 */
package com.soundhub.platform.metrics;
