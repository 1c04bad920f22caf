package com.soundhub.notifications;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** The kinds of notification a member wants by mail, as the checkboxes post them. */
public class NotificationMailForm {

    @FormParam("kind")
    @MvcBinding
    @Size(max = 20, message = "Choose among the kinds listed.")
    private List<String> kinds;

    /** The kinds chosen; names that are no kind are ignored, as no checkbox posts them. */
    public Set<NotificationKind> chosen() {
        Set<NotificationKind> chosen = EnumSet.noneOf(NotificationKind.class);
        if (kinds != null) {
            for (NotificationKind kind : NotificationKind.values()) {
                if (kinds.contains(kind.name())) {
                    chosen.add(kind);
                }
            }
        }
        return chosen;
    }

    public List<String> getKinds() {
        return kinds;
    }

    public void setKinds(List<String> kinds) {
        this.kinds = kinds;
    }
}
