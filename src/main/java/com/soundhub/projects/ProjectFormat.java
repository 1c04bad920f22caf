package com.soundhub.projects;

import java.util.Locale;

import com.soundhub.projects.contents.ContentStore;
import com.soundhub.recordings.Visibility;
import com.soundhub.web.Dates;
import com.soundhub.web.SameForEveryViewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * How projects' pages write sizes, durations and choices; templates use it as {@code projectFormat}.
 * It knows nothing of the viewer, so the public lists (profiles, search) may use it too.
 */
@SameForEveryViewer
@Named("projectFormat")
@ApplicationScoped
public class ProjectFormat {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    /** "512 bytes", "1.5 KB", "20.3 MB", "1.2 GB". */
    public String size(long bytes) {
        return sizeOf(bytes);
    }

    static String sizeOf(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + UNITS[unit];
    }

    /** A duration in milliseconds as m:ss, or nothing when it is not known. */
    public String duration(Integer milliseconds) {
        return milliseconds == null ? "" : Dates.clockOf(milliseconds / 1000.0);
    }

    /** Whether the page offers a player for the file: audio by what was measured or by its name. */
    public boolean playable(ProjectFile file) {
        return file != null && (file.isAudio() || ContentStore.looksLikeAudio(file.path()));
    }

    /** What each visibility means for a project. */
    public String explain(Visibility visibility) {
        return switch (visibility) {
            case PUBLIC -> "Anyone can find it, listen to it and download it; only its members push.";
            case UNLISTED -> "Anyone with the link can open it; it appears in no list or search.";
            case PRIVATE -> "Only the project's members can see it.";
        };
    }

    /** "+2 ~1 -0" as the history shows a revision's changes. */
    public String changes(RevisionInfo info) {
        return "+" + info.added() + " ~" + info.changed() + " −" + info.removed();
    }
}
