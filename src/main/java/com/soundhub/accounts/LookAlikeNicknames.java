package com.soundhub.accounts;

import java.util.Optional;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Nicknames that could pass for someone else's, by Unicode's security mechanisms (UTS #39, with
 * ICU's {@link SpoofChecker}): a nickname may not mix scripts beyond what a language does (Latin
 * with Korean, Japanese or Chinese is fine; Latin with Cyrillic is how "mіna" passes for "mina"),
 * mix digits of different systems or hide invisible marks; and its skeleton, what it looks like
 * whatever characters spell it, must be a nickname's of its own.
 */
final class LookAlikeNicknames {

    private static final SpoofChecker CHECKER = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE | SpoofChecker.HIDDEN_OVERLAY)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .build();

    private static final Normalizer2 NFKC_CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();

    private LookAlikeNicknames() {
    }

    /** Why the nickname could pass for another, in words for the member; empty when it could not. */
    static Optional<String> problemWith(String nickname) {
        SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
        if (!CHECKER.failsChecks(nickname, result)) {
            return Optional.empty();
        }
        if ((result.checks & SpoofChecker.RESTRICTION_LEVEL) != 0) {
            return Optional.of("Use the letters of one alphabet (Latin letters may go with Korean, Japanese or Chinese): "
                    + "a nickname that mixes alphabets can look exactly like someone else's.");
        }
        if ((result.checks & SpoofChecker.MIXED_NUMBERS) != 0) {
            return Optional.of("Use digits of one kind: a nickname that mixes digits of different scripts can look like someone else's.");
        }
        return Optional.of("This nickname has marks that can't be seen or that hide letters. Leave them out.");
    }

    /**
     * What the nickname looks like: equal for nicknames a reader cannot tell apart, whatever their
     * case ("Mina", "mina", "mіna" and "rnina" alike). The confusables come first, while capitals
     * still show (a capital I looks like l, a 0 like O), then case is folded and they apply again
     * to what lower case looks like (m like rn).
     */
    static String skeleton(String nickname) {
        String looks = CHECKER.getSkeleton(nickname);
        return CHECKER.getSkeleton(NFKC_CASE_FOLD.normalize(looks));
    }
}
