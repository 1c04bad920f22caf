package com.soundhub.accounts;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What the "choose a new password" form sends: the link's token and the new password. */
public class ResetPasswordForm {

    @FormParam("token")
    private String token;

    @FormParam("password")
    @MvcBinding
    @NotBlank(message = "Choose a new password.")
    @Size(max = PasswordPolicy.MAX_LENGTH, message = "A password can be at most " + PasswordPolicy.MAX_LENGTH + " characters long.")
    private String password;

    public String getToken() {
        return token;
    }

    public String getPassword() {
        return password;
    }
}
