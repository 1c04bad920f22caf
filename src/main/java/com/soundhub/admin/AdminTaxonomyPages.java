package com.soundhub.admin;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.taxonomy.TaxonomyEditor;
import com.soundhub.taxonomy.TaxonomyTerm;
import com.soundhub.taxonomy.TermKind;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Genres and instruments: create, rename, reorder and merge; every form on every instance shows a change at once. */
@RequestScoped
@AdminOnly
@Path("admin/taxonomy")
public class AdminTaxonomyPages {

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    TaxonomyEditor taxonomy;

    @Inject
    AdminActions actions;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @GET
    @Controller
    public String page() {
        return page(null, "");
    }

    @POST
    @Path("{kind}/new")
    @Controller
    public Response create(@PathParam("kind") String kind, @FormParam("name") String name) {
        TermKind termKind = kind(kind);
        try {
            TaxonomyTerm term = actions.createTerm(currentMember.requireId(), termKind, name);
            flash.success("\u201c" + term.getName() + "\u201d is in every " + termKind.label() + " list now.");
            return back(termKind);
        } catch (RuleViolation violation) {
            errors.add(termKind.label() + "-new", violation.getMessage());
            return Response.status(422).entity(page(termKind.label() + "-new", name)).build();
        }
    }

    @POST
    @Path("{kind}/{id:[0-9]{1,5}}/rename")
    @Controller
    public Response rename(@PathParam("kind") String kind, @PathParam("id") short id, @FormParam("name") String name) {
        TermKind termKind = kind(kind);
        try {
            TaxonomyTerm term = actions.renameTerm(currentMember.requireId(), termKind, id, name);
            flash.success("Renamed to \u201c" + term.getName() + "\u201d.");
            return back(termKind);
        } catch (RuleViolation violation) {
            errors.add(termKind.label() + "-" + id, violation.getMessage());
            return Response.status(422).entity(page(termKind.label() + "-" + id, name)).build();
        }
    }

    @POST
    @Path("{kind}/{id:[0-9]{1,5}}/move")
    @Controller
    public Response move(@PathParam("kind") String kind, @PathParam("id") short id, @FormParam("direction") String direction) {
        TermKind termKind = kind(kind);
        actions.moveTerm(currentMember.requireId(), termKind, id, "up".equals(direction) ? -1 : 1);
        return back(termKind);
    }

    @POST
    @Path("{kind}/{id:[0-9]{1,5}}/merge")
    @Controller
    public Response merge(@PathParam("kind") String kind, @PathParam("id") short id, @FormParam("into") String into) {
        TermKind termKind = kind(kind);
        try {
            if (into == null || !into.matches("[0-9]{1,5}")) {
                throw new RuleViolation("into", "Choose the " + termKind.label() + " to merge into.");
            }
            TaxonomyTerm kept = actions.mergeTerms(currentMember.requireId(), termKind, id, Short.parseShort(into));
            flash.success("Merged: everything is tagged \u201c" + kept.getName() + "\u201d now.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return back(termKind);
    }

    private String page(String failedForm, String typed) {
        models.put("genres", taxonomy.all(TermKind.GENRE));
        models.put("instruments", taxonomy.all(TermKind.INSTRUMENT));
        models.put("typed", failedForm == null ? Map.of() : Map.of(failedForm, typed == null ? "" : typed));
        models.put("section", "taxonomy");
        return "admin/taxonomy.html";
    }

    private static TermKind kind(String name) {
        return switch (name) {
            case "genres" -> TermKind.GENRE;
            case "instruments" -> TermKind.INSTRUMENT;
            default -> throw new NotFound();
        };
    }

    private static Response back(TermKind kind) {
        return Response.seeOther(URI.create("/admin/taxonomy#" + kind.name().toLowerCase(Locale.ROOT) + "s")).build();
    }
}
