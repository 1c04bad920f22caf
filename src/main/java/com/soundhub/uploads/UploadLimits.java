package com.soundhub.uploads;

import java.util.Locale;
import java.util.Optional;

/**
 * What one member may upload: the largest file, how many slots may wait for their files at once,
 * how many bytes may be sent in any 24 hours and how many bytes of originals may be kept
 * ({@code soundhub.uploads.*}). The numbers of a member come from their uploads, counted under a
 * lock of theirs, so that a burst of requests at the same instant cannot slip past them together.
 *
 * @param maxFileBytes the largest file
 * @param maxWaiting slots that may wait for their files at once
 * @param bytesPerDay bytes announced in any 24 hours, by slots that did not expire unused
 * @param quotaBytes bytes of originals kept (uploads neither rejected nor expired)
 */
public record UploadLimits(long maxFileBytes, int maxWaiting, long bytesPerDay, long quotaBytes) {

    /**
     * Where a member stands.
     *
     * @param waiting slots still waiting for their files
     * @param bytesLastDay bytes of the slots asked for in the last 24 hours that did not expire unused
     * @param bytesKept bytes of the originals kept or on their way
     */
    public record Usage(long waiting, long bytesLastDay, long bytesKept) {
    }

    /** Why another file of {@code size} bytes is refused, in words for the member; empty when it fits. */
    public Optional<String> refusal(Usage usage, long size) {
        if (usage.waiting() >= maxWaiting) {
            return Optional.of("You already have " + usage.waiting() + " uploads waiting for their files. "
                    + "Finish sending them, or let them expire, before you start another.");
        }
        if (usage.bytesLastDay() + size > bytesPerDay) {
            return Optional.of("You can send up to " + megabytes(bytesPerDay) + " MB a day, and this file would go past that ("
                    + megabytes(usage.bytesLastDay()) + " MB in the last 24 hours). Send a smaller file, or try again tomorrow.");
        }
        if (usage.bytesKept() + size > quotaBytes) {
            return Optional.of("Your uploads may take up to " + megabytes(quotaBytes) + " MB, and this file would go past that ("
                    + megabytes(usage.bytesKept()) + " MB in use). Delete recordings you no longer need to make room.");
        }
        return Optional.empty();
    }

    /** Whole megabytes, rounded up so that a nearly full allowance never reads as having room. */
    static String megabytes(long bytes) {
        long mib = (bytes + 1024 * 1024 - 1) / (1024 * 1024);
        return String.format(Locale.ROOT, "%,d", mib);
    }
}
