/**
 * The local run: embedded PostgreSQL, an embedded S3 endpoint and Payara Micro with the WAR, from
 * one command ({@code ./mvnw -Prun}). The integration tests start the same pieces.
 */
package com.soundhub.devserver;
