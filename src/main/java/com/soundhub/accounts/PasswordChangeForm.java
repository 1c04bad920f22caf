package com.soundhub.accounts;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What the change-password form sends. */
public class PasswordChangeForm {

    @FormParam("currentPassword")
    @MvcBinding
    @NotBlank(message = "Enter your current password.")
    @Size(max = PasswordPolicy.MAX_LENGTH, message = "That is longer than any SoundHub password.")
    private String currentPassword;

    @FormParam("newPassword")
    @MvcBinding
    @NotBlank(message = "Choose a new password.")
    @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH,
            message = "Use " + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH + " characters.")
    private String newPassword;

    @FormParam("confirmation")
    @MvcBinding
    private String confirmation;

    public boolean isConfirmed() {
        return newPassword == null || newPassword.equals(confirmation);
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }
}
