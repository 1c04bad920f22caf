package com.soundhub.projects;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.soundhub.recordings.License;

/**
 * Which projects may be forked, and under which licences a fork may be shared. A fork is a
 * derivative work: its source must allow derivatives (not "no derivatives", not all rights
 * reserved), and the fork keeps every condition of its source's licence: attribution stays,
 * non-commercial stays non-commercial, share-alike stays the very same licence. A fork may add
 * conditions (a CC BY source may be forked as CC BY-NC); it may never drop one. Public-domain
 * (CC0) work may be forked under any licence.
 */
public final class ForkLicences {

    private enum Condition { ATTRIBUTION, NON_COMMERCIAL, SHARE_ALIKE, NO_DERIVATIVES }

    private ForkLicences() {
    }

    /** Why a project under {@code source} cannot be forked, or empty when it can. */
    public static Optional<String> whyNotForkable(License source) {
        return switch (source) {
            case ALL_RIGHTS_RESERVED -> Optional.of("Its licence is \u201call rights reserved\u201d: nobody may make derivative"
                    + " works of it without asking its owners.");
            case CC_BY_ND, CC_BY_NC_ND -> Optional.of("Its licence (" + source.getLabel() + ") allows no derivative works.");
            default -> Optional.empty();
        };
    }

    /** Why a fork of a project under {@code source} cannot be shared under {@code fork}, or empty when it can. */
    public static Optional<String> whyIncompatible(License source, License fork) {
        if (source == License.CC0 || source == fork) {
            return Optional.empty();
        }
        if (fork == License.ALL_RIGHTS_RESERVED || fork == License.CC0) {
            return Optional.of("A fork of " + source.getLabel() + " work must keep its Creative Commons terms; "
                    + fork.getLabel() + " would drop them.");
        }
        Set<Condition> kept = conditions(source);
        if (kept.contains(Condition.SHARE_ALIKE)) {
            return Optional.of(source.getLabel() + " is share-alike: a fork must be shared under " + source.getLabel() + " too.");
        }
        if (!conditions(fork).containsAll(kept)) {
            return Optional.of("A fork of " + source.getLabel() + " work cannot be shared under " + fork.getLabel()
                    + ": it would loosen the source's terms (non-commercial work stays non-commercial).");
        }
        return Optional.empty();
    }

    /** The licences a fork of {@code source} may choose from, the source's own first. */
    public static List<License> choicesFor(License source) {
        return Arrays.stream(License.values())
                .filter(fork -> whyIncompatible(source, fork).isEmpty())
                .sorted((a, b) -> a == source ? -1 : b == source ? 1 : 0)
                .toList();
    }

    private static Set<Condition> conditions(License license) {
        return switch (license) {
            case CC_BY -> EnumSet.of(Condition.ATTRIBUTION);
            case CC_BY_SA -> EnumSet.of(Condition.ATTRIBUTION, Condition.SHARE_ALIKE);
            case CC_BY_ND -> EnumSet.of(Condition.ATTRIBUTION, Condition.NO_DERIVATIVES);
            case CC_BY_NC -> EnumSet.of(Condition.ATTRIBUTION, Condition.NON_COMMERCIAL);
            case CC_BY_NC_SA -> EnumSet.of(Condition.ATTRIBUTION, Condition.NON_COMMERCIAL, Condition.SHARE_ALIKE);
            case CC_BY_NC_ND -> EnumSet.of(Condition.ATTRIBUTION, Condition.NON_COMMERCIAL, Condition.NO_DERIVATIVES);
            case CC0, ALL_RIGHTS_RESERVED -> EnumSet.noneOf(Condition.class);
        };
    }
}
