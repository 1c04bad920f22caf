/**
 * What every feature stands on: configuration, the database (data sources, migrations at start-up,
 * server secrets), health checks and structured logging. Nothing here knows about music.
 */
package com.soundhub.platform;
