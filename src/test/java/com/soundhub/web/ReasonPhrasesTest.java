package com.soundhub.web;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonPhrasesTest {

    /** Shaped like Grizzly's HttpStatus: a private static table and a public factory. */
    public static final class FakeStatus {
        private static final Map<Integer, FakeStatus> statusMessages = new HashMap<>();

        static {
            statusMessages.put(404, new FakeStatus(404, "Not Found"));
        }

        final int code;
        final String phrase;

        private FakeStatus(int code, String phrase) {
            this.code = code;
            this.phrase = phrase;
        }

        public static FakeStatus newHttpStatus(int code, String phrase) {
            return new FakeStatus(code, phrase);
        }
    }

    @Test
    void addsTheMissingPhrasesAndLeavesTheOthers() throws Exception {
        ReasonPhrases.register(FakeStatus.class);
        assertThat(FakeStatus.statusMessages.get(422).phrase).isEqualTo("Unprocessable Content");
        assertThat(FakeStatus.statusMessages.get(429).phrase).isEqualTo("Too Many Requests");
        assertThat(FakeStatus.statusMessages.get(404).phrase).isEqualTo("Not Found");
    }
}
