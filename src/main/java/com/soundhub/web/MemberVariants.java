package com.soundhub.web;

import java.util.Optional;

import com.soundhub.accounts.MemberPrincipal;

/**
 * How a page tells the members it is sent to apart ({@link SharedPage}): the variant of the page a
 * member sees, such as {@code "liked"} for a recording they like, or empty when the page is theirs
 * alone (their own profile) and is to be rendered for them. Everything on the page that depends
 * on the viewer, but for the {@code sh:per-viewer} parts and the CSRF token, must be told by the
 * variant.
 *
 * <p>A kept page keeps its variants for a few seconds and asks them for other members, after the
 * request that made them has ended: they may hold ids and application-scoped services, never a
 * request's beans (copy a controller's injected service into a local variable first).
 */
@FunctionalInterface
public interface MemberVariants {

    /** Every member sees the same page. */
    MemberVariants SAME_FOR_EVERY_MEMBER = viewer -> Optional.of("");

    Optional<String> variantFor(MemberPrincipal viewer);
}
