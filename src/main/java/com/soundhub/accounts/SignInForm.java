package com.soundhub.accounts;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What the sign-in form sends. */
public class SignInForm {

    @FormParam("email")
    @MvcBinding
    @NotBlank(message = "Enter your email address.")
    @Size(max = 254, message = "An email address can be at most 254 characters long.")
    private String email;

    @FormParam("password")
    @MvcBinding
    @NotBlank(message = "Enter your password.")
    @Size(max = PasswordPolicy.MAX_LENGTH, message = "That is longer than any SoundHub password.")
    private String password;

    @FormParam("remember")
    private String remember;

    @FormParam("next")
    private String next;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public boolean isRemember() {
        return remember != null && !remember.isEmpty();
    }

    public void setRemember(boolean remember) {
        this.remember = remember ? "on" : null;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
