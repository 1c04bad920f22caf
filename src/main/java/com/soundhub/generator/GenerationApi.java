package com.soundhub.generator;

import java.util.UUID;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.jobs.ProgressStreams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** A generation's status, now and as it changes (Server-Sent Events). */
@Path("api/generations/{id}")
@RequestScoped
@SignedIn
@Produces(MediaType.APPLICATION_JSON)
public class GenerationApi {

    @Inject
    CurrentMember currentMember;

    @Inject
    GeneratorService generations;

    @Inject
    ProgressStreams streams;

    @GET
    public GenerationStatus status(@PathParam("id") String id) {
        return GenerationStatus.of(generations.owned(currentMember.requireId(), GeneratorController.uuid(id)));
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void follow(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        UUID generation = GeneratorController.uuid(id);
        long memberId = currentMember.requireId();
        generations.owned(memberId, generation);
        streams.follow(GeneratorService.topic(generation),
                () -> GenerationStatus.of(generations.owned(memberId, generation)), sink, sse);
    }
}
