package com.soundhub.profiles;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.Member;
import com.soundhub.follows.FollowService;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.web.ViewerParts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** What a profile shows of its viewer (whether they follow, their own controls), fetched by the page's script. */
@RequestScoped
@Path("members/{nickname}/viewer")
public class ProfileViewerPart {

    static final String VIEW = "profiles/viewer.html";

    @Inject
    AccountService accounts;

    @Inject
    FollowService follows;

    @Inject
    CurrentMember currentMember;

    @Inject
    ViewerParts parts;

    @GET
    public Response viewer(@PathParam("nickname") String nickname, @Context HttpServletRequest request,
                           @Context HttpServletResponse response) {
        Member member = accounts.profile(nickname).orElseThrow(NotFound::new);
        Optional<Long> viewer = currentMember.id();
        Map<String, Object> models = new HashMap<>();
        models.put("member", member);
        models.put("counts", follows.counts(member.getId()));
        if (viewer.isPresent()) {
            models.put("own", viewer.get().equals(member.getId()));
            models.put("following", follows.isFollowing(viewer, member.getId()));
        }
        return parts.part(VIEW, models, request, response);
    }
}
