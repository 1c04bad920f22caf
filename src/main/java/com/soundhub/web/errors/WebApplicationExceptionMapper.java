package com.soundhub.web.errors;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404s, 403s and every other HTTP error raised while serving a request, as friendly pages. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original != null ? original.getStatus() : 500;
        if (status >= 300 && status < 400) {
            return original;
        }
        Response page = errors.of(status);
        if (original != null && original.getHeaderString("Allow") != null) {
            return Response.fromResponse(page).header("Allow", original.getHeaderString("Allow")).build();
        }
        return page;
    }
}
