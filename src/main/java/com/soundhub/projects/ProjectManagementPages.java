package com.soundhub.projects;

import java.net.URI;
import java.util.List;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
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
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * A project's members and settings: inviting, roles, removing, handing over, leaving, editing and
 * deleting. Every change is a form POST (CSRF-checked) that the service allows or refuses; what a
 * member can fix comes back as a message, never as an error page.
 */
@RequestScoped
@Path("projects")
public class ProjectManagementPages {

    static final int MAX_NICKNAME = 60;

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
    ProjectChoices choices;

    @GET
    @Path("{id}/members")
    @Controller
    public String members(@PathParam("id") String id) {
        return membersPage(projects.access(id, currentMember.id()), "", ProjectRole.PRODUCER.name());
    }

    @POST
    @Path("{id}/members/invite")
    @Controller
    @SignedIn
    public Response invite(@PathParam("id") String id, @FormParam("nickname") String nickname, @FormParam("role") String role) {
        long me = currentMember.requireId();
        // Shown again when refused, but no longer than a nickname may be.
        String typed = nickname == null ? "" : nickname.substring(0, Math.min(nickname.length(), MAX_NICKNAME));
        try {
            ProjectRole chosen = role(role);
            if (typed.isBlank()) {
                throw new RuleViolation("nickname", "Type the nickname of the member to invite.");
            }
            projects.invite(id, me, typed, chosen);
            flash.success(typed.strip() + " is invited as " + chosen.getLabel().toLowerCase() + ".");
            return backToMembers(id);
        } catch (RuleViolation violation) {
            errors.add(violation.field() == null ? "nickname" : violation.field(), violation.getMessage());
            return Response.status(422).entity(membersPage(projects.requireManager(id, me), typed,
                    role == null ? ProjectRole.PRODUCER.name() : role)).build();
        }
    }

    @POST
    @Path("{id}/members/role")
    @Controller
    @SignedIn
    public Response changeRole(@PathParam("id") String id, @FormParam("nickname") String nickname, @FormParam("role") String role) {
        try {
            ProjectRole chosen = role(role);
            projects.changeRole(id, currentMember.requireId(), nickname, chosen);
            flash.success(nickname + " is now " + article(chosen) + chosen.getLabel().toLowerCase() + ".");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return backToMembers(id);
    }

    @POST
    @Path("{id}/members/remove")
    @Controller
    @SignedIn
    public Response remove(@PathParam("id") String id, @FormParam("nickname") String nickname) {
        try {
            projects.remove(id, currentMember.requireId(), nickname);
            flash.success(nickname + " is no longer a member of the project.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return backToMembers(id);
    }

    @POST
    @Path("{id}/members/transfer")
    @Controller
    @SignedIn
    public Response transfer(@PathParam("id") String id, @FormParam("nickname") String nickname) {
        try {
            projects.transferOwnership(id, currentMember.requireId(), nickname);
            flash.success(nickname + " owns the project now; you stay on as a producer.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return backToMembers(id);
    }

    @POST
    @Path("{id}/invitations/{invitation: [0-9]{1,18}}/withdraw")
    @Controller
    @SignedIn
    public Response withdraw(@PathParam("id") String id, @PathParam("invitation") long invitation) {
        projects.withdraw(id, currentMember.requireId(), invitation);
        flash.info("The invitation is withdrawn.");
        return backToMembers(id);
    }

    @POST
    @Path("{id}/leave")
    @Controller
    @SignedIn
    public Response leave(@PathParam("id") String id) {
        try {
            Project project = projects.access(id, currentMember.id()).project();
            projects.leave(id, currentMember.requireId());
            flash.success("You have left \u201c" + project.getTitle() + "\u201d.");
            return Response.seeOther(URI.create("/projects/mine")).build();
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
            return backToMembers(id);
        }
    }

    @GET
    @Path("{id}/settings")
    @Controller
    @SignedIn
    public String settings(@PathParam("id") String id) {
        ProjectAccess access = projects.requireManager(id, currentMember.requireId());
        return settingsPage(access, projects.settingsForm(id, currentMember.requireId()), "");
    }

    @POST
    @Path("{id}/settings")
    @Controller
    @SignedIn
    public Response update(@PathParam("id") String id, @Valid @BeanParam ProjectForm form) {
        long me = currentMember.requireId();
        ProjectAccess access = projects.requireManager(id, me);
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                projects.update(id, me, ProjectRules.details(form));
                flash.success("The project's settings are saved.");
                return Response.seeOther(URI.create("/projects/" + id)).build();
            } catch (RuleViolation violation) {
                if (violation.field() == null) {
                    errors.addToForm(violation.getMessage());
                } else {
                    errors.add(violation.field(), violation.getMessage());
                }
            }
        }
        return Response.status(422).entity(settingsPage(access, Forms.cutToSize(form), "")).build();
    }

    @POST
    @Path("{id}/delete")
    @Controller
    @SignedIn
    public Response delete(@PathParam("id") String id, @FormParam("confirmation") String confirmation) {
        long me = currentMember.requireId();
        ProjectAccess access = projects.requireManager(id, me);
        String title = access.project().getTitle();
        try {
            projects.delete(id, me, confirmation);
            flash.success("\u201c" + title + "\u201d is deleted, with its whole history.");
            return Response.seeOther(URI.create("/projects/mine")).build();
        } catch (RuleViolation violation) {
            errors.add("confirmation", violation.getMessage());
            String typed = confirmation == null ? "" : confirmation.substring(0, Math.min(confirmation.length(), 200));
            return Response.status(422).entity(settingsPage(access, projects.settingsForm(id, me), typed)).build();
        }
    }

    private String membersPage(ProjectAccess access, String nickname, String role) {
        Project project = access.project();
        models.put("project", project);
        models.put("access", access);
        models.put("members", projects.members(project));
        models.put("invitations", access.mayManage() ? projects.invitationsTo(project) : List.of());
        models.put("roles", List.of(ProjectRole.values()));
        models.put("inviteNickname", nickname);
        models.put("inviteRole", role);
        models.put("me", currentMember.id().isPresent() ? currentMember.getNickname() : null);
        return "projects/members.html";
    }

    private String settingsPage(ProjectAccess access, ProjectForm form, String confirmation) {
        models.put("project", access.project());
        models.put("access", access);
        models.put("form", form);
        models.put("confirmation", confirmation);
        choices.addTo(models);
        return "projects/settings.html";
    }

    private static Response backToMembers(String id) {
        return Response.seeOther(URI.create("/projects/" + id + "/members")).build();
    }

    private static ProjectRole role(String text) {
        try {
            return ProjectRole.valueOf(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("role", "Choose a role from the list.");
        }
    }

    private static String article(ProjectRole role) {
        return role == ProjectRole.OWNER ? "an " : "a ";
    }
}
