package com.soundhub.accounts;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Settings → Your data: what the download holds, and the download itself, streamed. */
@RequestScoped
@SignedIn
@Path("settings/data")
public class PersonalDataController {

    @Inject
    CurrentMember currentMember;

    @Inject
    PersonalDataExport export;

    @GET
    @Controller
    public String page() {
        return "accounts/settings-data.html";
    }

    @GET
    @Path("soundhub-data.zip")
    public Response download() {
        long memberId = currentMember.requireId();
        StreamingOutput zip = out -> export.write(memberId, out);
        String name = "soundhub-" + currentMember.getNickname() + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
        return Response.ok(zip, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
