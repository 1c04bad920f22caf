package com.soundhub.admin;

import java.net.URI;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.site.SiteSettingsService;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Site settings: sign-ups, upload and generation limits, the announcement; saved ones apply on every instance within moments. */
@RequestScoped
@AdminOnly
@Path("admin/settings")
public class AdminSettingsPages {

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    SiteSettingsService site;

    @Inject
    AdminActions actions;

    @Inject
    AuditLog audit;

    @Inject
    BindingResult binding;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @GET
    @Controller
    public String form() {
        return page(SiteSettingsForm.of(site.current()));
    }

    @POST
    @Controller
    public Response save(@Valid @BeanParam SiteSettingsForm form) {
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                actions.saveSettings(currentMember.requireId(), form.settings(), form.getReason());
                flash.success("The settings are saved; every instance applies them within seconds.");
                return Response.seeOther(URI.create("/admin/settings")).build();
            } catch (RuleViolation violation) {
                errors.add(violation.field() == null ? FormErrors.FORM : violation.field(), violation.getMessage());
            }
        }
        return Response.status(422).entity(page(form)).build();
    }

    private String page(SiteSettingsForm form) {
        long adminId = currentMember.requireId();
        models.put("form", form);
        models.put("history", audit.search(adminId, new AuditRepository.Filter("", "", "SITE", "settings"), Long.MAX_VALUE));
        models.put("section", "settings");
        return "admin/settings.html";
    }
}
