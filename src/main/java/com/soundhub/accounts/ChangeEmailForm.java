package com.soundhub.accounts;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What the "change your email address" form sends. */
public class ChangeEmailForm {

    @FormParam("email")
    @MvcBinding
    @NotBlank(message = "Enter the new address.")
    @Email(message = "That does not look like an email address.")
    @Size(max = 254, message = "An email address can be at most 254 characters long.")
    private String email;

    @FormParam("password")
    @MvcBinding
    @NotBlank(message = "Enter your password.")
    @Size(max = PasswordPolicy.MAX_LENGTH, message = "That is longer than any SoundHub password.")
    private String password;

    public String getEmail() {
        return email;
    }

    public String getPassword() {
        return password;
    }
}
