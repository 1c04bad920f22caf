package com.soundhub.web.errors;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.mvc.security.CsrfValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A form without a valid CSRF token: refused, with a hint for the honest case of a stale page. */
@Provider
@Priority(1)
public class CsrfFailureMapper implements ExceptionMapper<CsrfValidationException> {

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(CsrfValidationException exception) {
        return errors.of(403, "This form could not be accepted because its security token was missing or "
                + "out of date. Go back, reload the page and try again.");
    }
}
