package com.soundhub.follows;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Follow and unfollow from a profile. */
@Controller
@RequestScoped
@SignedIn
@Path("members/{nickname}")
public class FollowController {

    @Inject
    CurrentMember currentMember;

    @Inject
    FollowService follows;

    @Inject
    FlashMessages flash;

    @PathParam("nickname")
    String nickname;

    @POST
    @Path("follow")
    public Response follow() {
        try {
            follows.follow(currentMember.requireId(), nickname);
        } catch (RuleViolation refused) {
            flash.error(refused.getMessage());
        }
        return backToProfile();
    }

    @POST
    @Path("unfollow")
    public Response unfollow() {
        try {
            follows.unfollow(currentMember.requireId(), nickname);
        } catch (RuleViolation refused) {
            flash.error(refused.getMessage());
        }
        return backToProfile();
    }

    private Response backToProfile() {
        return Response.seeOther(URI.create("/members/" + Paths.segment(nickname))).build();
    }
}
