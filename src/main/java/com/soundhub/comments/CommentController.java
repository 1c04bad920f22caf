package com.soundhub.comments;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.RecordingPage;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Posting and deleting comments from the recording page. */
@Controller
@RequestScoped
@SignedIn
@Path("recordings/{publicId}/comments")
public class CommentController {

    static final String HTMX_REQUEST = "HX-Request";

    @Inject
    Models models;

    @Inject
    BindingResult binding;

    @Inject
    FormErrors errors;

    @Inject
    CurrentMember currentMember;

    @Inject
    CommentService comments;

    @Inject
    RecordingPage page;

    @PathParam("publicId")
    String publicId;

    /**
     * Posts a comment. The page's script sends the form with htmx: a rejected comment comes back
     * as the page, whose form (with what was typed and what was wrong) replaces the one on the
     * page, so the member stays on the recording's address; a posted one reloads the recording
     * page at the comment. Without scripts the browser follows the redirect, or shows the page
     * with the form's errors.
     */
    @POST
    public Response post(@Valid @BeanParam CommentForm form, @HeaderParam(HTMX_REQUEST) String htmx) {
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                Comment comment = comments.post(publicId, currentMember.requireId(), form);
                String at = "/recordings/" + publicId + "#comment-" + comment.getId();
                if ("true".equals(htmx)) {
                    return Response.noContent().header("HX-Redirect", at).header("HX-Refresh", "true").build();
                }
                return Response.seeOther(URI.create(at)).build();
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        // The page again, with what was typed (no more than a comment may hold) and what was wrong next to it.
        models.put("commentForm", Forms.cutToSize(form));
        return Response.status(422).entity(page.render(models, publicId, currentMember.id())).build();
    }

    /** The address a rejected comment left in the address bar without scripts: back to the comments. */
    @GET
    public Response comments() {
        return Response.seeOther(URI.create("/recordings/" + publicId + "#comments")).build();
    }

    @POST
    @Path("{id: [0-9]{1,18}}/delete")
    public Response delete(@PathParam("id") long id) {
        comments.delete(publicId, id, currentMember.requireId(), currentMember.isAdmin());
        return Response.seeOther(URI.create("/recordings/" + publicId + "#comments")).build();
    }
}
