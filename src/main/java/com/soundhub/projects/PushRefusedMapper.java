package com.soundhub.projects;

import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused push answers 422 with the message and the files at fault, for the page's script and the command-line client. */
@Provider
public class PushRefusedMapper implements ExceptionMapper<PushRefused> {

    @Override
    public Response toResponse(PushRefused refused) {
        JsonArrayBuilder files = ProjectJson.JSON.createArrayBuilder();
        refused.files().forEach(file -> files.add(ProjectJson.JSON.createObjectBuilder().add("path", file.path()).add("message", file.message())));
        return Response.status(ProjectApi.UNPROCESSABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ProjectJson.JSON.createObjectBuilder().add("status", ProjectApi.UNPROCESSABLE).add("error", refused.getMessage())
                        .add("files", files).build().toString())
                .build();
    }
}
