package com.soundhub.accounts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/me}: who the caller is and how they came, {@code {"nickname": ..., "scope":
 * "read" | "write" | "session"}}. The command-line client asks it when it logs in.
 */
@Path("api/v1/me")
@RequestScoped
@SignedIn
@Produces(MediaType.APPLICATION_JSON)
public class MeApi {

    @Inject
    CurrentMember currentMember;

    @Context
    HttpServletRequest request;

    @GET
    public Response me() {
        JsonObject me = Json.createObjectBuilder()
                .add("nickname", currentMember.getNickname())
                .add("scope", ApiAccess.tokenScope(request).map(TokenScope::label).orElse("session"))
                .build();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(me.toString()).cacheControl(noStore).build();
    }
}
