package com.soundhub.messages;

import com.soundhub.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageRulesTest {

    @Test
    void lineBreaksAreKeptAsNewlinesAndTheEdgesTrimmed() {
        assertThat(MessageRules.clean("  Hi!\r\nHow are you?\rFine.\n\n", "body")).isEqualTo("Hi!\nHow are you?\nFine.");
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreDropped() {
        assertThat(MessageRules.clean("a\u0000b\u0007c\td\u001be", "body")).isEqualTo("abc\tde");
    }

    @Test
    void markupIsStoredAsTyped() {
        String typed = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        assertThat(MessageRules.clean(typed, "body")).isEqualTo(typed);
    }

    @Test
    void emptyAndBlankMessagesAreRefusedOnTheField() {
        for (String typed : new String[]{null, "", "   ", "\r\n\t ", "\u0000"}) {
            assertThatThrownBy(() -> MessageRules.clean(typed, "body"))
                    .isInstanceOf(RuleViolation.class)
                    .hasMessage(MessageRules.EMPTY)
                    .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("body"));
        }
    }

    @Test
    void fourThousandCharactersAreTheLimitAfterCleaning() {
        assertThat(MessageRules.clean("x".repeat(4000), "body")).hasSize(4000);
        assertThatThrownBy(() -> MessageRules.clean("x".repeat(4001), "body")).hasMessage(MessageRules.TOO_LONG);
        // Browsers send line breaks as CRLF: what was typed counts, not what travelled.
        assertThat(MessageRules.typedLength("x\r\n".repeat(2000))).isEqualTo(4000);
        assertThat(new MessageLength.Validator().isValid("x\r\n".repeat(2000), null)).isTrue();
        assertThat(new MessageLength.Validator().isValid("x".repeat(4001), null)).isFalse();
        assertThat(MessageRules.clean("x\r\n".repeat(2000), "body")).hasSize(3999);
    }

    @Test
    void snippetsAreOneShortLine() {
        assertThat(MessageRules.snippet("  Hello\n\nthere  ")).isEqualTo("Hello there");
        String long_ = "word ".repeat(50);
        String snippet = MessageRules.snippet(long_);
        assertThat(snippet).endsWith("\u2026");
        assertThat(snippet.codePointCount(0, snippet.length())).isLessThanOrEqualTo(MessageRules.SNIPPET_LENGTH);
        assertThat(MessageRules.snippet(null)).isEmpty();
    }

    @Test
    void snippetsNeverCutACharacterInHalf() {
        String note = "\uD83C\uDFB5";
        assertThat(MessageRules.snippet(note.repeat(150))).isEqualTo(note.repeat(MessageRules.SNIPPET_LENGTH - 1) + "\u2026");
    }

    @Test
    void conversationsStoreTheLowerIdFirst() {
        assertThat(MessageRules.lower(7, 3)).isEqualTo(3);
        assertThat(MessageRules.higher(7, 3)).isEqualTo(7);
        assertThat(MessageRules.lower(3, 7)).isEqualTo(3);
    }
}
