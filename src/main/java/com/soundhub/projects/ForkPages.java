package com.soundhub.projects;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.Visibility;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import com.soundhub.web.Forms;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Forking a project (a form: title, revision, licence, visibility) and a project's lineage page. */
@RequestScoped
@Path("projects")
public class ForkPages {

    @Inject
    Models models;

    @Inject
    BindingResult binding;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @Inject
    ForkService forks;

    @GET
    @Path("{id}/fork")
    @Controller
    @SignedIn
    public String forkForm(@PathParam("id") String id) {
        ProjectAccess access = projects.access(id, Optional.of(currentMember.requireId()));
        return formPage(access, ForkForm.of(access.project()));
    }

    @POST
    @Path("{id}/fork")
    @Controller
    @SignedIn
    public Response fork(@PathParam("id") String id, @Valid @BeanParam ForkForm form) {
        long me = currentMember.requireId();
        ProjectAccess access = projects.access(id, Optional.of(me));
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                Project fork = forks.fork(id, me, form);
                flash.success("Your fork is ready: r1 holds what r" + fork.getForkedFromRevision() + " of \u201c"
                        + access.project().getTitle() + "\u201d held.");
                return Response.seeOther(URI.create("/projects/" + fork.getPublicId())).build();
            } catch (RuleViolation violation) {
                if (violation.field() == null) {
                    errors.addToForm(violation.getMessage());
                } else {
                    errors.add(violation.field(), violation.getMessage());
                }
            }
        }
        return Response.status(422).entity(formPage(access, Forms.cutToSize(form))).build();
    }

    @GET
    @Path("{id}/lineage")
    @Controller
    public String lineage(@PathParam("id") String id) {
        ProjectAccess access = projects.access(id, currentMember.id());
        models.put("project", access.project());
        models.put("access", access);
        models.put("nodes", forks.lineage(access.project(), currentMember.id()));
        models.put("origin", forks.origin(access.project(), currentMember.id()).orElse(null));
        models.put("notForkable", forks.whyNotForkable(access.project()).orElse(null));
        return "projects/lineage.html";
    }

    private String formPage(ProjectAccess access, ForkForm form) {
        Project source = access.project();
        models.put("project", source);
        models.put("access", access);
        models.put("form", form);
        models.put("notForkable", forks.whyNotForkable(source).orElse(null));
        models.put("licenses", ForkLicences.choicesFor(source.getLicense()));
        models.put("visibilities", List.of(Visibility.values()));
        models.put("numbers", IntStream.iterate(source.getHead(), n -> n >= 1, n -> n - 1).boxed().toList());
        return "projects/fork.html";
    }
}
