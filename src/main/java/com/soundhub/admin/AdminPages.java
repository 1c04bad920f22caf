package com.soundhub.admin;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The back office's dashboard and audit log. */
@RequestScoped
@AdminOnly
@Path("admin")
public class AdminPages {

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    AdminDashboard dashboard;

    @Inject
    AuditLog audit;

    @GET
    @Controller
    public String dashboard() {
        models.put("figures", dashboard.figures(currentMember.requireId()));
        models.put("chartWidth", BarChart.WIDTH);
        models.put("chartHeight", BarChart.HEIGHT);
        models.put("section", "dashboard");
        return "admin/dashboard.html";
    }

    @GET
    @Path("audit")
    @Controller
    public String audit(@QueryParam("q") String text, @QueryParam("action") String action, @QueryParam("kind") String kind,
                        @QueryParam("ref") String ref, @QueryParam("before") String before) {
        AuditRepository.Filter filter = filter(text, action, kind, ref);
        long beforeId = before != null && before.matches("[0-9]{1,18}") ? Long.parseLong(before) : Long.MAX_VALUE;
        var entries = audit.search(currentMember.requireId(), filter, beforeId);
        models.put("entries", entries);
        models.put("filter", filter);
        models.put("actions", audit.actions(currentMember.requireId()));
        models.put("older", entries.size() == AuditLog.PAGE ? entries.get(entries.size() - 1).id() : null);
        models.put("section", "audit");
        return "admin/audit.html";
    }

    @GET
    @Path("audit.csv")
    public Response auditCsv(@QueryParam("q") String text, @QueryParam("action") String action, @QueryParam("kind") String kind,
                             @QueryParam("ref") String ref) {
        long adminId = currentMember.requireId();
        AuditRepository.Filter filter = filter(text, action, kind, ref);
        StreamingOutput csv = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            audit.exportCsv(adminId, filter, writer);
        };
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"soundhub-audit.csv\"").build();
    }

    static AuditRepository.Filter filter(String text, String action, String kind, String ref) {
        return new AuditRepository.Filter(clean(text, 100), clean(action, 40), clean(kind, 20), clean(ref, 64));
    }

    private static String clean(String value, int max) {
        String text = value == null ? "" : value.strip();
        return text.length() > max ? text.substring(0, max) : text;
    }
}
