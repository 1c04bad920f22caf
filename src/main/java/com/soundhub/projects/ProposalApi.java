package com.soundhub.projects;

import java.util.UUID;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Proposals in the API (docs/PROJECTS-API.md, "Proposals"): the take is sent as a push with
 * {@code "proposal": true}, then proposed here; producers accept or decline, the proposer may
 * withdraw, anyone who can see the project reads and discusses.
 */
@Path("api/v1/projects/{id}/proposals")
@Tag(name = "Projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProposalApi {

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @Inject
    ProposalService proposals;

    @POST
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose the take sent in a proposal push: {push, instrument?, note?}")
    public Response propose(@PathParam("id") String id, JsonObject body) {
        UUID push;
        try {
            push = UUID.fromString(ProjectApi.text(body, "push", ""));
        } catch (IllegalArgumentException e) {
            return refused(new RuleViolation("push", "Name the push that carries the take in \"push\"."));
        }
        Short instrument = body.get("instrument") instanceof JsonNumber number ? (short) number.intValue() : null;
        try {
            ProposalService.ProposalView view = proposals.propose(id, currentMember.requireId(), push, instrument,
                    ProjectApi.text(body, "note", ""));
            return Response.status(Response.Status.CREATED).entity(json(view).build().toString()).build();
        } catch (RuleViolation violation) {
            return refused(violation);
        }
    }

    @GET
    @Operation(summary = "The project's proposals, newest first")
    public String list(@PathParam("id") String id) {
        Project project = projects.access(id, currentMember.id()).project();
        JsonArrayBuilder list = ProjectJson.JSON.createArrayBuilder();
        proposals.list(project, false).forEach(view -> list.add(json(view)));
        return ProjectJson.JSON.createObjectBuilder().add("proposals", list).build().toString();
    }

    @GET
    @Path("{number}")
    @Operation(summary = "A proposal with its files and discussion")
    public String proposal(@PathParam("id") String id, @PathParam("number") String number) {
        Project project = projects.access(id, currentMember.id()).project();
        ProposalService.ProposalDetails details = proposals.details(project, number(number));
        JsonArrayBuilder files = ProjectJson.JSON.createArrayBuilder();
        details.files().forEach(file -> files.add(ProjectJson.file(file)));
        JsonArrayBuilder comments = ProjectJson.JSON.createArrayBuilder();
        details.comments().forEach(comment -> {
            JsonObjectBuilder json = ProjectJson.JSON.createObjectBuilder().add("author", comment.author()).add("body", comment.body())
                    .add("createdAt", comment.at().toString());
            if (comment.atMs() != null) {
                json.add("atMs", comment.atMs());
            }
            comments.add(json);
        });
        return json(details.view()).add("files", files).add("comments", comments).build().toString();
    }

    @POST
    @Path("{number}/accept")
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a proposal (producers and owners): a new revision authored by the proposer, {message?}")
    public Response accept(@PathParam("id") String id, @PathParam("number") String number, JsonObject body) {
        try {
            PushService.Committed committed = proposals.accept(id, currentMember.requireId(), number(number),
                    ProjectApi.text(body, "message", null));
            return Response.status(Response.Status.CREATED).entity(ProjectJson.JSON.createObjectBuilder()
                    .add("revision", committed.revision()).add("parent", committed.parent()).add("base", committed.base())
                    .add("rebased", committed.rebased()).build().toString()).build();
        } catch (RuleViolation violation) {
            return refused(violation);
        }
    }

    @POST
    @Path("{number}/decline")
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline a proposal (producers and owners), {note?} for the proposer")
    public Response decline(@PathParam("id") String id, @PathParam("number") String number, JsonObject body) {
        try {
            proposals.decline(id, currentMember.requireId(), number(number), ProjectApi.text(body, "note", null));
            return Response.noContent().build();
        } catch (RuleViolation violation) {
            return refused(violation);
        }
    }

    @POST
    @Path("{number}/withdraw")
    @SignedIn
    @Operation(summary = "Withdraw one's own open proposal")
    public Response withdraw(@PathParam("id") String id, @PathParam("number") String number) {
        try {
            proposals.withdraw(id, currentMember.requireId(), number(number));
            return Response.noContent().build();
        } catch (RuleViolation violation) {
            return refused(violation);
        }
    }

    @POST
    @Path("{number}/comments")
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a proposal, {body, atMs?} to place it at a moment of the take")
    public Response comment(@PathParam("id") String id, @PathParam("number") String number, JsonObject body) {
        Integer atMs = body.get("atMs") instanceof JsonNumber at ? at.intValue() : null;
        try {
            proposals.comment(id, currentMember.requireId(), number(number), ProjectApi.text(body, "body", ""), atMs);
            return Response.status(Response.Status.CREATED).build();
        } catch (RuleViolation violation) {
            return refused(violation);
        }
    }

    static JsonObjectBuilder json(ProposalService.ProposalView view) {
        ProposalRepository.Proposal proposal = view.proposal();
        JsonObjectBuilder json = ProjectJson.JSON.createObjectBuilder().add("number", proposal.number())
                .add("proposer", view.proposer()).add("base", proposal.base()).add("note", proposal.note())
                .add("state", proposal.state().name()).add("createdAt", proposal.createdAt().toString());
        if (view.instrument() != null) {
            json.add("instrument", view.instrument());
        }
        if (view.decidedBy() != null) {
            json.add("decidedBy", view.decidedBy());
        }
        if (proposal.decisionNote() != null) {
            json.add("decisionNote", proposal.decisionNote());
        }
        if (proposal.revision() != null) {
            json.add("revision", proposal.revision());
        }
        return json;
    }

    /** A rule the request broke: 422 naming the field, or 409 when the proposal's state forbids it. */
    static Response refused(RuleViolation violation) {
        int status = violation.field() == null ? 409 : ProjectApi.UNPROCESSABLE;
        JsonObjectBuilder json = ProjectJson.JSON.createObjectBuilder().add("status", status).add("error", violation.getMessage());
        if (violation.field() != null) {
            json.add("fields", ProjectJson.JSON.createObjectBuilder().add(violation.field(),
                    ProjectJson.JSON.createArrayBuilder().add(violation.getMessage())));
        }
        return Response.status(status).entity(json.build().toString()).build();
    }

    static int number(String text) {
        if (text == null || !text.matches("#?[0-9]{1,9}")) {
            throw new NotFound();
        }
        return Integer.parseInt(text.replace("#", ""));
    }
}
