/**
 * Uploads that never pass through the application: the browser asks for a slot and gets a
 * presigned PUT, sends the file straight to S3, then confirms. Each upload is a row with an
 * explicit state machine whose every transition is stored with its time; a durable job probes,
 * transcodes and measures the file, with live progress over Server-Sent Events.
 */
package com.soundhub.uploads;
