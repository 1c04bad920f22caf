package com.soundhub.web;

import java.util.List;

import com.soundhub.web.FlashMessages.Level;
import com.soundhub.web.FlashMessages.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlashCodecTest {

    @Test
    void messagesSurviveTheCookieIncludingAnyCharacter() {
        List<Message> messages = List.of(
                new Message(Level.SUCCESS, "Welcome back, 민지!"),
                new Message(Level.ERROR, "Semi;colons, \"quotes\" and ~tildes~ = fine"));

        String encoded = FlashCookieFilter.FlashCodec.encode(messages);

        assertThat(encoded).matches("[A-Za-z0-9_:~-]+");
        assertThat(FlashCookieFilter.FlashCodec.decode(encoded)).isEqualTo(messages);
    }

    @Test
    void damagedEntriesAreDroppedAndTheRestKept() {
        String good = FlashCookieFilter.FlashCodec.encode(List.of(new Message(Level.INFO, "ok")));
        assertThat(FlashCookieFilter.FlashCodec.decode("BOGUS:xyz~" + good + "~nocolon"))
                .containsExactly(new Message(Level.INFO, "ok"));
    }

    @Test
    void atMostFiveMessagesTravel() {
        List<Message> many = java.util.stream.IntStream.range(0, 9)
                .mapToObj(i -> new Message(Level.INFO, "m" + i)).toList();
        assertThat(FlashCookieFilter.FlashCodec.decode(FlashCookieFilter.FlashCodec.encode(many))).hasSize(5);
    }
}
