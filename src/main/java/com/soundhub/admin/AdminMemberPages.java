package com.soundhub.admin;

import java.net.URI;
import java.util.Optional;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.MemberAdministration;
import com.soundhub.accounts.MemberStatus;
import com.soundhub.accounts.Role;
import com.soundhub.accounts.SessionCookie;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.RecordingService;
import com.soundhub.reports.ReportService;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import com.soundhub.web.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Members in the back office: search and filters, a member's page (sessions, history), suspension,
 * reinstatement, the admin role and deletion. Suspending and deleting ask for the admin's password
 * when it was not given in the last ten minutes.
 */
@RequestScoped
@AdminOnly
@Path("admin/members")
public class AdminMemberPages {

    static final int PAGE = 50;

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberAdministration members;

    @Inject
    AdminActions actions;

    @Inject
    AuditLog audit;

    @Inject
    RecordingService recordings;

    @Inject
    ReportService reports;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @Context
    HttpServletRequest request;

    @GET
    @Controller
    public String list(@QueryParam("q") String query, @QueryParam("role") String role, @QueryParam("status") String status,
                       @QueryParam("sort") String sort, @QueryParam("after") String after) {
        MemberAdministration.MemberFilter filter = new MemberAdministration.MemberFilter(query == null ? "" : query.strip(),
                choice(Role.class, role), choice(MemberStatus.class, status));
        MemberAdministration.MemberOrder order = Optional.ofNullable(choice(MemberAdministration.MemberOrder.class, sort))
                .orElse(MemberAdministration.MemberOrder.NEWEST);
        var rows = members.search(currentMember.requireId(), filter, order, Optional.ofNullable(after), PAGE);
        models.put("rows", rows);
        models.put("filter", filter);
        models.put("sort", order.name());
        models.put("next", rows.size() == PAGE ? order.cursorOf(rows.get(rows.size() - 1)) : null);
        models.put("section", "members");
        return "admin/members.html";
    }

    @GET
    @Path("{nickname}")
    @Controller
    public String member(@PathParam("nickname") String nickname) {
        return memberPage(nickname, "");
    }

    @POST
    @Path("{nickname}/suspend")
    @Controller
    public Response suspend(@PathParam("nickname") String nickname, @FormParam("reason") String reason,
                            @FormParam("password") String password) {
        long adminId = currentMember.requireId();
        MemberAdministration.MemberRow member = members.member(adminId, nickname);
        try {
            requireFreshPassword(adminId, password);
            actions.suspend(adminId, member.id(), reason);
            flash.success(member.nickname() + " is suspended and signed out everywhere.");
            return back(member);
        } catch (RuleViolation violation) {
            errors.add(violation.field() == null ? "reason" : violation.field(), violation.getMessage());
            return Response.status(422).entity(memberPage(nickname, reason)).build();
        }
    }

    /** Deletes the account; {@code content} is "remove" or "keep" (what happens to what they made). */
    @POST
    @Path("{nickname}/delete")
    @Controller
    public Response delete(@PathParam("nickname") String nickname, @FormParam("content") String content,
                           @FormParam("reason") String reason, @FormParam("password") String password) {
        long adminId = currentMember.requireId();
        MemberAdministration.MemberRow member = members.member(adminId, nickname);
        try {
            if (!"remove".equals(content) && !"keep".equals(content)) {
                throw new RuleViolation("content", "Choose what happens to what they made.");
            }
            requireFreshPassword(adminId, password);
            actions.deleteMember(adminId, member.id(), "remove".equals(content), reason);
            flash.success(member.nickname() + "\u2019s account is deleted" + ("remove".equals(content)
                    ? ", with what they made." : "; what they made stays, credited to a former member."));
            return Response.seeOther(URI.create("/admin/members")).build();
        } catch (RuleViolation violation) {
            errors.add("delete-" + (violation.field() == null ? "reason" : violation.field()), violation.getMessage());
            models.put("deleteContent", content);
            models.put("deleteReason", reason);
            return Response.status(422).entity(memberPage(nickname, "")).build();
        }
    }

    @POST
    @Path("{nickname}/reinstate")
    @Controller
    public Response reinstate(@PathParam("nickname") String nickname, @FormParam("reason") String reason) {
        long adminId = currentMember.requireId();
        MemberAdministration.MemberRow member = members.member(adminId, nickname);
        try {
            actions.reinstate(adminId, member.id(), reason);
            flash.success(member.nickname() + " can sign in again.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return back(member);
    }

    @POST
    @Path("{nickname}/role")
    @Controller
    public Response role(@PathParam("nickname") String nickname, @FormParam("role") String role, @FormParam("reason") String reason) {
        long adminId = currentMember.requireId();
        MemberAdministration.MemberRow member = members.member(adminId, nickname);
        Role chosen = choice(Role.class, role);
        try {
            if (chosen == null) {
                throw new RuleViolation(null, "Choose a role.");
            }
            actions.changeRole(adminId, member.id(), chosen, reason);
            flash.success(member.nickname() + (chosen == Role.ADMIN ? " is an admin now." : " is no longer an admin."));
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return back(member);
    }

    private void requireFreshPassword(long adminId, String password) {
        String token = SessionCookie.read(request).orElse(null);
        if (members.passwordIsFresh(token)) {
            return;
        }
        if (password == null || password.isEmpty()) {
            throw new RuleViolation("password", "Enter your password to confirm: it is asked once every ten minutes.");
        }
        members.confirmPassword(adminId, password, token);
    }

    private String memberPage(String nickname, String reason) {
        long adminId = currentMember.requireId();
        MemberAdministration.MemberRow member = members.member(adminId, nickname);
        models.put("member", member);
        models.put("sessions", members.sessions(adminId, member.id()));
        var theirRecordings = recordings.administered(adminId, new RecordingService.AdminFilter("", false, null, member.id()),
                RecordingService.AdminOrder.NEWEST, Optional.empty(), 50);
        models.put("recordings", theirRecordings);
        models.put("reports", reports.byAndAbout(adminId, member.id(), member.nickname(),
                theirRecordings.stream().map(RecordingService.AdministeredRecording::publicId).toList(), 50));
        models.put("history", audit.search(adminId, new AuditRepository.Filter("", "", "MEMBER", String.valueOf(member.id())),
                Long.MAX_VALUE));
        models.put("passwordFresh", members.passwordIsFresh(SessionCookie.read(request).orElse(null)));
        models.put("reason", reason);
        if (!models.asMap().containsKey("deleteContent")) {
            models.put("deleteContent", "");
            models.put("deleteReason", "");
        }
        models.put("section", "members");
        return "admin/member.html";
    }

    private static Response back(MemberAdministration.MemberRow member) {
        return Response.seeOther(URI.create("/admin/members/" + Paths.segment(member.nickname()))).build();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
