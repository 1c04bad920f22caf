package com.soundhub.accounts;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What the sign-up form sends. */
public class SignUpForm {

    @FormParam("email")
    @MvcBinding
    @NotBlank(message = "Enter your email address.")
    @Email(message = "Enter an email address like name@example.com.")
    @Size(max = 254, message = "An email address can be at most 254 characters long.")
    private String email;

    @FormParam("nickname")
    @MvcBinding
    @Nickname
    private String nickname;

    @FormParam("password")
    @MvcBinding
    @NotBlank(message = "Choose a password.")
    @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH,
            message = "Use " + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH + " characters.")
    private String password;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getNickname() {
        return nickname;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
