package com.soundhub.web.errors;

import com.soundhub.platform.rules.NotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service's {@link NotFound}: missing, or hidden from this viewer, answered with the same 404 page. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFound> {

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(NotFound exception) {
        return errors.of(404);
    }
}
