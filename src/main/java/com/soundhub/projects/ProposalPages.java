package com.soundhub.projects;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * A project's proposals: the list, proposing a take (the push page in proposal mode), and a
 * proposal's page with its files, discussion and decision. The service decides who may do what.
 */
@RequestScoped
@Path("projects/{id}/proposals")
public class ProposalPages {

    static final int MAX_TYPED = 2000;

    @Inject
    Models models;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @Inject
    ProposalService proposals;

    @Inject
    MixService mixes;

    @Inject
    ProjectChoices choices;

    @PathParam("id")
    String id;

    @GET
    @Controller
    public String list() {
        ProjectAccess access = access();
        models.put("proposals", proposals.list(access.project(), false));
        return "projects/proposals.html";
    }

    @GET
    @Path("new")
    @Controller
    @SignedIn
    public String propose() {
        ProjectAccess access = projects.requireProposer(id, currentMember.requireId());
        models.put("project", access.project());
        models.put("access", access);
        models.put("instruments", choices.instruments());
        return "projects/propose.html";
    }

    @GET
    @Path("{number}")
    @Controller
    public String proposal(@PathParam("number") String number) {
        return proposalPage(access(), ProposalApi.number(number), "", "", "");
    }

    @POST
    @Path("{number}/accept")
    @Controller
    @SignedIn
    public Response accept(@PathParam("number") String number, @FormParam("message") String message) {
        int n = ProposalApi.number(number);
        try {
            PushService.Committed committed = proposals.accept(id, currentMember.requireId(), n, cut(message, 500));
            flash.success("Proposal #" + n + " is r" + committed.revision() + (committed.rebased()
                    ? ", replayed onto the newest revision." : "."));
            return Response.seeOther(URI.create("/projects/" + id + "/revisions/" + committed.revision())).build();
        } catch (RuleViolation | PushRefused refused) {
            flash.error(refused.getMessage());
            return backTo(n);
        }
    }

    @POST
    @Path("{number}/decline")
    @Controller
    @SignedIn
    public Response decline(@PathParam("number") String number, @FormParam("note") String note) {
        int n = ProposalApi.number(number);
        try {
            proposals.decline(id, currentMember.requireId(), n, note);
            flash.info("Proposal #" + n + " is declined; its proposer is told.");
            return backTo(n);
        } catch (RuleViolation violation) {
            if (violation.field() == null) {
                flash.error(violation.getMessage());
                return backTo(n);
            }
            errors.add(violation.field(), violation.getMessage());
            return Response.status(422).entity(proposalPage(access(), n, cut(note, MAX_TYPED), "", "")).build();
        }
    }

    @POST
    @Path("{number}/withdraw")
    @Controller
    @SignedIn
    public Response withdraw(@PathParam("number") String number) {
        int n = ProposalApi.number(number);
        try {
            proposals.withdraw(id, currentMember.requireId(), n);
            flash.info("You have withdrawn proposal #" + n + ".");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return backTo(n);
    }

    @POST
    @Path("{number}/comments")
    @Controller
    @SignedIn
    public Response comment(@PathParam("number") String number, @FormParam("body") String body, @FormParam("at") String at) {
        int n = ProposalApi.number(number);
        try {
            proposals.comment(id, currentMember.requireId(), n, body, CommentRules.moment(at));
            return Response.seeOther(URI.create("/projects/" + id + "/proposals/" + n + "#discussion")).build();
        } catch (RuleViolation violation) {
            errors.add(violation.field() == null ? "body" : violation.field(), violation.getMessage());
            return Response.status(422).entity(proposalPage(access(), n, "", cut(body, MAX_TYPED), cut(at, 12))).build();
        }
    }

    /** One file of the proposal: a short-lived link to storage, named after the file. */
    @GET
    @Path("{number}/files/{hash}")
    public Response file(@PathParam("number") String number, @PathParam("hash") String hash) {
        Project project = projects.access(id, currentMember.id()).project();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.seeOther(proposals.downloadUrl(project, ProposalApi.number(number), hash)).cacheControl(noStore).build();
    }

    private String proposalPage(ProjectAccess access, int number, String declineNote, String commentBody, String commentAt) {
        ProposalService.ProposalDetails details = proposals.details(access.project(), number);
        models.put("details", details);
        models.put("proposal", details.view());
        models.put("mayDecide", access.mayPush() && details.view().isOpen());
        models.put("mayWithdraw", details.view().isOpen() && currentMember.id().map(me -> me == details.view().proposal().proposerId())
                .orElse(false));
        if (details.view().isOpen()) {
            // The take over the project's mix, in the mixer below the take's own players.
            models.put("mix", mixes.withTake(access.project(), details.files()));
            models.put("take", details.files().stream().map(ProjectFile::path).collect(java.util.stream.Collectors.toSet()));
        }
        models.put("declineNote", declineNote);
        models.put("commentBody", commentBody);
        models.put("commentAt", commentAt);
        return "projects/proposal.html";
    }

    private ProjectAccess access() {
        ProjectAccess access = projects.access(id, currentMember.id());
        models.put("project", access.project());
        models.put("access", access);
        return access;
    }

    private Response backTo(int number) {
        return Response.seeOther(URI.create("/projects/" + id + "/proposals/" + number)).build();
    }

    static String cut(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }
}
