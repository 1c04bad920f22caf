package com.soundhub.generator;

import java.lang.reflect.Field;
import java.util.Map;

import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Mood;
import com.soundhub.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationRulesTest {

    static GenerationForm form(Map<String, String> values) throws Exception {
        GenerationForm form = GenerationForm.defaults();
        for (var entry : values.entrySet()) {
            Field field = GenerationForm.class.getDeclaredField(entry.getKey());
            field.setAccessible(true);
            field.set(form, entry.getValue());
        }
        return form;
    }

    private static String fieldOf(Map<String, String> values) {
        try {
            GenerationRules.request(form(values));
            return null;
        } catch (RuleViolation violation) {
            return violation.field();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFilledFormBecomesTheEnginesRequest() throws Exception {
        CompositionRequest request = GenerationRules.request(form(Map.of("genre", "bossa-nova", "mood", "dreamy",
                "tempo", " 132 ", "length", "90", "key", "f-sharp-minor", "seed", "-17")));
        assertThat(request.genre()).isEqualTo(Genre.BOSSA_NOVA);
        assertThat(request.mood()).isEqualTo(Mood.DREAMY);
        assertThat(request.tempoBpm()).isEqualTo(132);
        assertThat(request.lengthSeconds()).isEqualTo(90);
        assertThat(request.requestedKey()).hasValueSatisfying(key -> assertThat(key.slug()).isEqualTo("f-sharp-minor"));
        assertThat(request.seed()).isEqualTo(-17);
    }

    @Test
    void anEmptySeedPicksOne() throws Exception {
        long first = GenerationRules.request(form(Map.of("seed", ""))).seed();
        long second = GenerationRules.request(form(Map.of("seed", ""))).seed();
        assertThat(first).isPositive().isNotEqualTo(second);
    }

    @Test
    void eachBadChoiceNamesItsField() {
        assertThat(fieldOf(Map.of("tempo", "0"))).isEqualTo("tempo");
        assertThat(fieldOf(Map.of("tempo", "1000"))).isEqualTo("tempo");
        assertThat(fieldOf(Map.of("tempo", "fast"))).isEqualTo("tempo");
        assertThat(fieldOf(Map.of("length", "29"))).isEqualTo("length");
        assertThat(fieldOf(Map.of("length", "241"))).isEqualTo("length");
        assertThat(fieldOf(Map.of("genre", "polka"))).isEqualTo("genre");
        assertThat(fieldOf(Map.of("mood", "angry-ish"))).isEqualTo("mood");
        assertThat(fieldOf(Map.of("key", "H major"))).isEqualTo("key");
        assertThat(fieldOf(Map.of("seed", "banana"))).isEqualTo("seed");
        assertThat(fieldOf(Map.of("seed", "99999999999999999999"))).isEqualTo("seed");
    }

    @Test
    void surprisesStayWithinWhatTheEngineAccepts() {
        for (int i = 0; i < 200; i++) {
            CompositionRequest surprise = GenerationRules.surprise();
            assertThat(surprise.tempoBpm()).isBetween(CompositionRequest.MIN_TEMPO, CompositionRequest.MAX_TEMPO);
            assertThat(surprise.lengthSeconds()).isBetween(CompositionRequest.MIN_LENGTH, CompositionRequest.MAX_LENGTH);
        }
    }
}
