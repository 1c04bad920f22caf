package com.soundhub.web;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the page of this request says about being sent alike to many members
 * ({@link MemberPageCache}). A page is never shared unless its controller says so; it says so
 * only for a page whose every viewer-dependent part is a {@code sh:per-viewer} part, the CSRF
 * token, or told apart by its {@link MemberVariants}.
 */
@RequestScoped
public class SharedPage {

    private MemberVariants variants;

    /** The page looks the same to every member (a feed, a search). */
    public void sameForEveryMember() {
        variants = MemberVariants.SAME_FOR_EVERY_MEMBER;
    }

    /** The page looks the same to the members {@code variants} puts together. */
    public void variesBy(MemberVariants variants) {
        this.variants = variants;
    }

    /** How the page tells members apart, or null when it is not to be shared. */
    MemberVariants variants() {
        return variants;
    }
}
