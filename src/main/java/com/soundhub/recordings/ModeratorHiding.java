package com.soundhub.recordings;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A moderator's hiding of something members publish (a recording, a project): while hidden it is
 * private, whatever its owners choose meanwhile, and it gets back the visibility they chose when it
 * is shown again. Its owner holds the visibility; this holds why it is hidden and what comes back.
 */
@Embeddable
public class ModeratorHiding {

    @Column(name = "hidden_reason", length = 500)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility_before_hiding", length = 10)
    private Visibility visibilityBefore;

    public boolean isHidden() {
        return reason != null;
    }

    public String getReason() {
        return reason;
    }

    /** Hides something that is {@code current} for {@code why}; returns what it is while hidden. */
    public Visibility hide(Visibility current, String why) {
        if (reason == null) {
            visibilityBefore = current;
        }
        reason = why;
        return Visibility.PRIVATE;
    }

    /** Shows something that is {@code current} again; returns the visibility it gets back. */
    public Visibility unhide(Visibility current) {
        if (reason == null) {
            return current;
        }
        Visibility back = visibilityBefore == null ? Visibility.PRIVATE : visibilityBefore;
        reason = null;
        visibilityBefore = null;
        return back;
    }

    /** Its owners choose {@code chosen}; while hidden the choice waits. Returns the visibility it has now. */
    public Visibility choose(Visibility current, Visibility chosen) {
        if (reason != null) {
            visibilityBefore = chosen;
            return current;
        }
        return chosen;
    }

    /** The visibility its owners chose: while hidden, the one it gets back. */
    public Visibility chosen(Visibility current) {
        return reason != null && visibilityBefore != null ? visibilityBefore : current;
    }
}
