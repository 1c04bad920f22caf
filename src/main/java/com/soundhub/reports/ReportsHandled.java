package com.soundhub.reports;

import java.util.List;

/** A moderator handled the open reports of one thing; each reporter learns the outcome. */
public record ReportsHandled(List<Long> reporterIds, long moderatorId, String what, String outcome) {
}
