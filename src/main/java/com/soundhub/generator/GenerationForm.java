package com.soundhub.generator;

import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.web.WholeNumber;
import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/**
 * The generator form. Everything arrives as text so that whatever was typed can be shown again;
 * every field is checked here, conversion and range included, so that all errors show at once.
 */
public class GenerationForm {

    @FormParam("genre")
    @MvcBinding
    @NotBlank(message = "Choose a genre.")
    @Size(max = 40, message = "Choose a genre from the list.")
    @GeneratorChoice(GeneratorChoice.Kind.GENRE)
    private String genre;

    @FormParam("mood")
    @MvcBinding
    @NotBlank(message = "Choose a mood.")
    @Size(max = 40, message = "Choose a mood from the list.")
    @GeneratorChoice(GeneratorChoice.Kind.MOOD)
    private String mood;

    @FormParam("tempo")
    @MvcBinding
    @NotBlank(message = "Choose a tempo.")
    @WholeNumber(min = CompositionRequest.MIN_TEMPO, max = CompositionRequest.MAX_TEMPO,
            message = "Tempo is a whole number of beats per minute, from 60 to 180.",
            rangeMessage = "Tempo must be between 60 and 180 BPM.")
    private String tempo;

    @FormParam("length")
    @MvcBinding
    @NotBlank(message = "Choose a length.")
    @WholeNumber(min = CompositionRequest.MIN_LENGTH, max = CompositionRequest.MAX_LENGTH,
            message = "Length is a whole number of seconds, from 30 to 240.",
            rangeMessage = "Length must be between 30 and 240 seconds.")
    private String length;

    @FormParam("key")
    @MvcBinding
    @Size(max = 40, message = "Choose a key from the list.")
    @GeneratorChoice(GeneratorChoice.Kind.KEY)
    private String key;

    @FormParam("seed")
    @MvcBinding
    @Pattern(regexp = "^\\s*$|^\\s*-?[0-9]{1,18}\\s*$", message = "The seed is a whole number, like 20261122. Leave it empty for a surprise.")
    private String seed;

    public static GenerationForm defaults() {
        GenerationForm form = new GenerationForm();
        form.genre = "lofi-hip-hop";
        form.mood = "calm";
        form.tempo = "84";
        form.length = "60";
        form.key = "";
        form.seed = "";
        return form;
    }

    public String getGenre() {
        return genre;
    }

    public String getMood() {
        return mood;
    }

    public String getTempo() {
        return tempo;
    }

    public String getLength() {
        return length;
    }

    public String getKey() {
        return key;
    }

    public String getSeed() {
        return seed;
    }
}
