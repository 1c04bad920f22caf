package com.soundhub.notifications;

import com.soundhub.accounts.MemberPrincipal;
import com.soundhub.web.ViewerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The header shows the member's name and their unread notification and message counts. */
@ApplicationScoped
public class HeaderState implements ViewerState {

    @Inject
    Inbox inbox;

    @Override
    public String of(MemberPrincipal viewer) {
        return viewer.memberId() + ":" + viewer.nickname() + ":" + viewer.role() + ":" + inbox.getNotifications()
                + ":" + inbox.getMessages();
    }
}
