package com.soundhub.messages;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.limits.RateLimitExceeded;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import com.soundhub.web.Paths;
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

/** The member's conversations, one conversation with its message box, and deleting one's copy. */
@Controller
@RequestScoped
@SignedIn
@Path("messages")
public class MessagesController {

    static final String LIST = "messages/list.html";
    static final String THREAD = "messages/thread.html";
    static final int UNPROCESSABLE = 422;
    static final int TOO_MANY_REQUESTS = 429;

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
    MessageService messages;

    @GET
    public String list() {
        models.put("conversations", messages.conversations(currentMember.requireId()));
        return LIST;
    }

    @GET
    @Path("{nickname}")
    public String thread(@PathParam("nickname") String nickname) {
        return threadPage(nickname, MessageForm.empty());
    }

    @POST
    @Path("{nickname}")
    public Response send(@PathParam("nickname") String nickname, @Valid @BeanParam MessageForm form) {
        errors.addAll(binding);
        int status = UNPROCESSABLE;
        if (errors.isEmpty()) {
            try {
                messages.send(currentMember.requireId(), nickname, form.getBody());
                return Response.seeOther(URI.create("/messages/" + Paths.segment(nickname) + "#latest")).build();
            } catch (RateLimitExceeded tooFast) {
                status = TOO_MANY_REQUESTS;
                errors.addToForm(tooFast.getMessage());
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        return Response.status(status).entity(threadPage(nickname, form)).build();
    }

    @POST
    @Path("{nickname}/delete")
    public Response delete(@PathParam("nickname") String nickname) {
        String other = messages.deleteCopy(currentMember.requireId(), nickname);
        flash.success("Your copy of the conversation with " + other + " is deleted.");
        return Response.seeOther(URI.create("/messages")).build();
    }

    private String threadPage(String nickname, MessageForm form) {
        models.put("thread", messages.thread(currentMember.requireId(), nickname));
        models.put("form", form);
        return THREAD;
    }
}
