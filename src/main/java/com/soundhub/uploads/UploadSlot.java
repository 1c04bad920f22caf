package com.soundhub.uploads;

import java.time.Instant;

/**
 * Where and how the browser sends the file: a PUT to {@code url} with exactly this content type and
 * length, before {@code expiresAt}; then a POST to {@code confirm}.
 */
public record UploadSlot(String id, String url, String contentType, long size, Instant expiresAt, String confirm,
                         String status, String recording) {
}
