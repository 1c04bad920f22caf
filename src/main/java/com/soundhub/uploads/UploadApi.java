package com.soundhub.uploads;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.jobs.ProgressStreams;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.RecordingDetails;
import com.soundhub.recordings.RecordingForm;
import com.soundhub.recordings.RecordingRules;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The upload endpoints the upload page's script calls: ask for a slot (with the recording's
 * details, validated like any form: errors come back per field), confirm, read the status, and
 * follow it as Server-Sent Events.
 */
@Path("api/uploads")
@RequestScoped
@SignedIn
@Produces(MediaType.APPLICATION_JSON)
public class UploadApi {

    static final int UNPROCESSABLE = 422;

    @Inject
    CurrentMember currentMember;

    @Inject
    UploadService uploads;

    @Inject
    Validator validator;

    @Inject
    ProgressStreams streams;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestSlot(@BeanParam RecordingForm form, @FormParam("fileName") String fileName,
                                @FormParam("fileSize") String fileSize) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        // A title left empty is taken from the file: its name now, its own tags once it is probed.
        if (fileName != null && !fileName.isBlank()) {
            form.titledIfBlank(Titles.fromFileName(fileName));
        }
        Set<ConstraintViolation<RecordingForm>> violations = validator.validate(form);
        for (ConstraintViolation<RecordingForm> violation : violations) {
            add(errors, violation.getPropertyPath().toString().replace("instruments", "instrument"), violation.getMessage());
        }
        long size = parseSize(fileSize, errors);
        if (fileName == null || fileName.isBlank()) {
            add(errors, "file", "Choose an audio file to upload.");
        }
        if (errors.isEmpty()) {
            try {
                RecordingDetails details = RecordingRules.details(form);
                UploadSlot slot = uploads.requestSlot(currentMember.requireId(), details, fileName, size);
                return Response.status(Response.Status.CREATED).entity(slot).build();
            } catch (RuleViolation violation) {
                add(errors, violation.field() == null ? "file" : violation.field(), violation.getMessage());
            }
        }
        return Response.status(UNPROCESSABLE).entity(errorBody(errors)).build();
    }

    @POST
    @Path("{id}/confirm")
    public Response confirm(@PathParam("id") String id) {
        try {
            return Response.ok(uploads.confirm(currentMember.requireId(), uuid(id))).build();
        } catch (RuleViolation violation) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Json.createObjectBuilder().add("status", 409).add("error", violation.getMessage()).build().toString())
                    .build();
        }
    }

    @GET
    @Path("{id}")
    public UploadStatus status(@PathParam("id") String id) {
        return uploads.status(currentMember.requireId(), uuid(id));
    }

    /** The status now, then every change until the upload is finished. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void follow(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        UUID uploadId = uuid(id);
        long memberId = currentMember.requireId();
        uploads.status(memberId, uploadId);
        streams.follow(UploadService.topic(uploadId), () -> uploads.status(memberId, uploadId).event(), sink, sse);
    }

    private static long parseSize(String text, Map<String, List<String>> errors) {
        try {
            return Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            add(errors, "file", "Choose an audio file to upload.");
            return -1;
        }
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, key -> new java.util.ArrayList<>()).add(message);
    }

    private static String errorBody(Map<String, List<String>> errors) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        errors.forEach((field, messages) -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            messages.forEach(list::add);
            fields.add(field, list);
        });
        // A refusal of the whole form (the member's address not confirmed yet) is the message itself.
        String error = errors.containsKey("_form") ? errors.get("_form").get(0) : "Please correct the marked fields.";
        return Json.createObjectBuilder().add("status", UNPROCESSABLE).add("error", error)
                .add("fields", fields).build().toString();
    }
}
