package com.soundhub.profiles;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.Member;
import com.soundhub.recordings.RecordingService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A member's public profile. */
@Controller
@RequestScoped
@Path("members/{nickname}")
public class ProfileController {

    static final String VIEW = "profiles/profile.html";

    @Inject
    Models models;

    @Inject
    AccountService accounts;

    @Inject
    RecordingService recordings;

    @Inject
    CurrentMember currentMember;

    @GET
    public String show(@PathParam("nickname") String nickname) {
        Member member = accounts.profile(nickname).orElseThrow(NotFoundException::new);
        models.put("member", member);
        models.put("own", currentMember.id().map(id -> id.equals(member.getId())).orElse(false));
        models.put("recordings", recordings.publicBy(member.getId(), 50));
        return VIEW;
    }
}
