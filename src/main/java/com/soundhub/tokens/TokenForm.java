package com.soundhub.tokens;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What the "new access token" form sends. */
public class TokenForm {

    @FormParam("name")
    @MvcBinding
    @NotBlank(message = TokenRules.NAME_EMPTY)
    @Size(max = TokenRules.NAME_MAX_LENGTH, message = TokenRules.NAME_TOO_LONG)
    private String name;

    @FormParam("scope")
    @MvcBinding
    @NotNull(message = "Choose what the token may do.")
    @Pattern(regexp = "read|write", message = "Choose what the token may do.")
    private String scope;

    @FormParam("expires")
    @MvcBinding
    @NotNull(message = "Choose how long the token works.")
    @Pattern(regexp = TokenRules.Lifetime.VALUES, message = "Choose how long the token works.")
    private String expires;

    /** The form as a new page shows it: read-only, for 90 days. */
    public static TokenForm empty() {
        TokenForm form = new TokenForm();
        form.name = "";
        form.scope = "read";
        form.expires = TokenRules.Lifetime.DAYS_90.getValue();
        return form;
    }

    public String getName() {
        return name;
    }

    public String getScope() {
        return scope;
    }

    public String getExpires() {
        return expires;
    }
}
