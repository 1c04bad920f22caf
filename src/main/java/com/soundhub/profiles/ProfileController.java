package com.soundhub.profiles;

import java.io.InputStream;
import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.Member;
import com.soundhub.follows.FollowService;
import com.soundhub.platform.paging.Cursor;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.catalogue.RecordingCards;
import com.soundhub.projects.ProjectService;
import com.soundhub.web.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** A member's public profile: recordings, likes, followers and following, and their pictures. */
@RequestScoped
@Path("members/{nickname}")
public class ProfileController {

    static final String VIEW = "profiles/profile.html";
    static final int PAGE_SIZE = 20;

    @Inject
    Models models;

    @Inject
    AccountService accounts;

    @Inject
    RecordingCards cards;

    @Inject
    FollowService follows;

    @Inject
    ProfileImageService images;

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectService projects;

    @PathParam("nickname")
    String nickname;

    @GET
    @Controller
    public String recordings(@QueryParam("after") String after) {
        Member member = profile("recordings");
        Optional<Cursor> cursor = Cursor.parse(after);
        models.put("items", cards.by(member.getId(), cursor, PAGE_SIZE));
        // One page for every viewer: only the public projects, whoever looks.
        if (cursor.isEmpty()) {
            models.put("projects", projects.cards(projects.projectsOnProfile(member.getId(), Optional.empty()), Optional.empty()));
        }
        return VIEW;
    }

    @GET
    @Path("likes")
    @Controller
    public String likes(@QueryParam("after") String after) {
        Member member = profile("likes");
        Optional<Cursor> cursor = Cursor.parse(after);
        models.put("items", cards.likedBy(member.getId(), cursor, PAGE_SIZE));
        return VIEW;
    }

    @GET
    @Path("followers")
    @Controller
    public String followers(@QueryParam("after") String after) {
        Member member = profile("followers");
        models.put("people", follows.followers(member.getId(), Cursor.parse(after), PAGE_SIZE));
        return VIEW;
    }

    @GET
    @Path("following")
    @Controller
    public String following(@QueryParam("after") String after) {
        Member member = profile("following");
        models.put("people", follows.following(member.getId(), Cursor.parse(after), PAGE_SIZE));
        return VIEW;
    }

    /** Picture URLs carry a version that changes with the picture, so they may be cached for a year. */
    @GET
    @Path("{kind: avatar|banner}.jpg")
    @Produces("image/jpeg")
    public Response picture(@PathParam("kind") String kind) {
        InputStream picture = images.open(nickname, ProfileImageKind.fromPath(kind));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(31_536_000);
        return Response.ok(picture, "image/jpeg").cacheControl(cache).build();
    }

    /** The profile as every viewer sees it; what is the viewer's own comes from {@link #viewer()}. */
    private Member profile(String tab) {
        Member member = accounts.profile(nickname).orElseThrow(NotFound::new);
        models.put("member", member);
        models.put("tab", tab);
        models.put("counts", follows.counts(member.getId()));
        models.put("viewerParts", "/members/" + Paths.segment(member.getNickname()) + "/viewer");
        return member;
    }
}
