package com.soundhub.accounts;

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
public class MemberPageController {

    static final String VIEW = "accounts/profile.html";

    @Inject
    Models models;

    @Inject
    AccountService accounts;

    @Inject
    CurrentMember currentMember;

    @GET
    public String show(@PathParam("nickname") String nickname) {
        Member member = accounts.profile(nickname).orElseThrow(NotFoundException::new);
        models.put("member", member);
        models.put("own", currentMember.id().map(id -> id.equals(member.getId())).orElse(false));
        return VIEW;
    }
}
