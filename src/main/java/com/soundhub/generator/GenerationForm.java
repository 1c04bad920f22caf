package com.soundhub.generator;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** The generator form. Everything arrives as text so that whatever was typed can be shown again. */
public class GenerationForm {

    @FormParam("genre")
    @MvcBinding
    @NotBlank(message = "Choose a genre.")
    @Size(max = 40, message = "Choose a genre from the list.")
    private String genre;

    @FormParam("mood")
    @MvcBinding
    @NotBlank(message = "Choose a mood.")
    @Size(max = 40, message = "Choose a mood from the list.")
    private String mood;

    @FormParam("tempo")
    @MvcBinding
    @NotBlank(message = "Choose a tempo.")
    @Pattern(regexp = "^\\s*[0-9]{1,4}\\s*$", message = "Tempo is a whole number of beats per minute, from 60 to 180.")
    private String tempo;

    @FormParam("length")
    @MvcBinding
    @NotBlank(message = "Choose a length.")
    @Pattern(regexp = "^\\s*[0-9]{1,4}\\s*$", message = "Length is a whole number of seconds, from 30 to 240.")
    private String length;

    @FormParam("key")
    @MvcBinding
    @Size(max = 40, message = "Choose a key from the list.")
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
