package com.soundhub.web;

import com.soundhub.accounts.MemberPrincipal;

/**
 * What the parts of a page that belong to its viewer ({@code sh:per-viewer}: the header) show of
 * them, as a key: two requests with the same key get the same parts, so {@link MemberPageCache}
 * renders a member's header once and copies it while nothing it shows has changed. A feature
 * that adds something to the header adds it to a key (every bean of this type is asked).
 */
public interface ViewerState {

    String of(MemberPrincipal viewer);
}
