package com.soundhub.admin;

import java.time.Instant;

/** One admin action: who, when, what, on what, and why. */
public record AuditEntry(long id, Instant at, String admin, String action, String targetKind, String targetRef, String targetLabel,
                         String reason) {
}
