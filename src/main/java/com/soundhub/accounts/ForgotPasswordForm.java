package com.soundhub.accounts;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What the "forgot password" form sends. */
public class ForgotPasswordForm {

    @FormParam("email")
    @MvcBinding
    @NotBlank(message = "Enter the email address of your account.")
    @Email(message = "That does not look like an email address.")
    @Size(max = 254, message = "An email address can be at most 254 characters long.")
    private String email;

    public String getEmail() {
        return email;
    }
}
