package com.soundhub.comments;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.RecordingPage;
import com.soundhub.web.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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

    @POST
    public Response post(@Valid @BeanParam CommentForm form) {
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                Comment comment = comments.post(publicId, currentMember.requireId(), form);
                return Response.seeOther(URI.create("/recordings/" + publicId + "#comment-" + comment.getId())).build();
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        // The page again, with what was typed and what was wrong next to it.
        models.put("commentForm", form);
        return Response.status(422).entity(page.render(models, publicId, currentMember.id())).build();
    }

    @POST
    @Path("{id: [0-9]{1,18}}/delete")
    public Response delete(@PathParam("id") long id) {
        comments.delete(publicId, id, currentMember.requireId(), currentMember.isAdmin());
        return Response.seeOther(URI.create("/recordings/" + publicId + "#comments")).build();
    }
}
