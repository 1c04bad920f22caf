package com.soundhub.accounts;

import java.util.ArrayList;
import java.util.List;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What the profile settings form sends. */
public class ProfileForm {

    @FormParam("nickname")
    @MvcBinding
    @Nickname
    private String nickname;

    @FormParam("bio")
    @MvcBinding
    @Size(max = 2000, message = "Keep your bio under 2,000 characters.")
    private String bio;

    @FormParam("genre")
    @MvcBinding
    @Size(max = 10, message = "Pick at most 10 genres.")
    private List<Short> genres = new ArrayList<>();

    @FormParam("instrument")
    @MvcBinding
    @Size(max = 10, message = "Pick at most 10 instruments.")
    private List<Short> instruments = new ArrayList<>();

    public static ProfileForm of(Member member) {
        ProfileForm form = new ProfileForm();
        form.nickname = member.getNickname();
        form.bio = member.getBio();
        member.getFavouriteGenres().forEach(genre -> form.genres.add(genre.getId()));
        member.getFavouriteInstruments().forEach(instrument -> form.instruments.add(instrument.getId()));
        return form;
    }

    public String getNickname() {
        return nickname;
    }

    public String getBio() {
        return bio;
    }

    public List<Short> getGenres() {
        return genres == null ? List.of() : genres;
    }

    public List<Short> getInstruments() {
        return instruments == null ? List.of() : instruments;
    }
}
