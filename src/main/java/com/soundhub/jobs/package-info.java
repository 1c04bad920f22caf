/**
 * Background work that survives crashes and restarts: a durable queue in PostgreSQL (db-scheduler,
 * which takes due rows with {@code SELECT ... FOR UPDATE SKIP LOCKED}, keeps heartbeats and revives
 * executions of instances that died), a bounded pool for media work, and progress that reaches
 * every instance through PostgreSQL {@code LISTEN/NOTIFY}.
 *
 * <p>Features contribute work as {@link com.soundhub.jobs.JobDefinition} beans and schedule it
 * through {@link com.soundhub.jobs.Jobs}, inside their own transactions. Media work (ffmpeg, renders)
 * goes through {@code jobs.media}, which adds attempts, scratch folders and programs that end with it.
 */
package com.soundhub.jobs;
