package com.soundhub.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.soundhub.site.SiteSettings;

/** What a save changed, in words, for the audit log. */
final class SettingsChanges {

    private SettingsChanges() {
    }

    static String between(SiteSettings before, SiteSettings after) {
        List<String> changes = new ArrayList<>();
        if (before.signUpsOpen() != after.signUpsOpen()) {
            changes.add(after.signUpsOpen() ? "sign-ups opened" : "sign-ups closed");
        }
        limit(changes, "largest upload", before.uploadMaxMegabytes(), after.uploadMaxMegabytes(), " MB");
        limit(changes, "longest upload", before.uploadMaxMinutes(), after.uploadMaxMinutes(), " min");
        limit(changes, "pieces in the making", before.generationsUnfinishedMax(), after.generationsUnfinishedMax(), "");
        limit(changes, "pieces a day", before.generationsPerDay(), after.generationsPerDay(), "");
        if (!Objects.equals(before.announcementText(), after.announcementText())) {
            changes.add(after.announcementText().map(text -> "announcement: \u201c" + text + "\u201d").orElse("announcement removed"));
        }
        return changes.isEmpty() ? "nothing changed" : String.join("; ", changes);
    }

    private static void limit(List<String> changes, String name, Integer before, Integer after, String unit) {
        if (!Objects.equals(before, after)) {
            changes.add(name + " " + (before == null ? "as configured" : before + unit) + " \u2192 "
                    + (after == null ? "as configured" : after + unit));
        }
    }
}
