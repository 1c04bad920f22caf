package com.soundhub.search;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/** The search box and its filters, as they arrive in the URL. */
public class SearchForm {

    @QueryParam("q")
    @MvcBinding
    @Size(max = 200, message = "Search for at most 200 characters.")
    private String q;

    @QueryParam("genre")
    @MvcBinding
    @Pattern(regexp = "^$|^[a-z0-9-]{1,40}$", message = "Choose a genre from the list.")
    private String genre;

    @QueryParam("instrument")
    @MvcBinding
    @Pattern(regexp = "^$|^[a-z0-9-]{1,40}$", message = "Choose an instrument from the list.")
    private String instrument;

    @QueryParam("license")
    @MvcBinding
    @Pattern(regexp = "^$|^[A-Z0-9_]{1,24}$", message = "Choose a licence from the list.")
    private String license;

    @QueryParam("tag")
    @MvcBinding
    @Size(max = 40, message = "A tag has at most 40 characters.")
    private String tag;

    @QueryParam("sort")
    @MvcBinding
    @Pattern(regexp = "^$|^(relevance|date)$", message = "Sort by relevance or by date.")
    private String sort;

    @QueryParam("after")
    private String after;

    public SearchForm() {
    }

    public String getQ() {
        return q == null ? "" : q;
    }

    public String getGenre() {
        return genre == null ? "" : genre;
    }

    public String getInstrument() {
        return instrument == null ? "" : instrument;
    }

    public String getLicense() {
        return license == null ? "" : license;
    }

    public String getTag() {
        return tag == null ? "" : tag;
    }

    public String getSort() {
        return sort == null || sort.isBlank() ? "relevance" : sort;
    }

    public String getAfter() {
        return after;
    }

    /**
     * Nothing to look for: no filter, and no word in the text. Text of only punctuation, symbols or
     * emoji ("%", "!!!???", a note) has no word to search by, so it asks for as much as an empty box.
     */
    public boolean isEmpty() {
        return SearchTerms.words(getQ()).isEmpty() && getGenre().isBlank() && getInstrument().isBlank()
                && getLicense().isBlank() && getTag().isBlank();
    }

    /** Something was typed, but nothing that can be searched for. */
    public boolean isWordless() {
        return !getQ().isBlank() && SearchTerms.words(getQ()).isEmpty();
    }
}
