package com.soundhub.web.errors;

import com.soundhub.platform.rules.NotAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service's {@link NotAllowed}: seen, but not theirs to change; 403, saying why when the service did (its words are written for members). */
@Provider
public class NotAllowedMapper implements ExceptionMapper<NotAllowed> {

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(NotAllowed exception) {
        return errors.of(403, exception.getMessage());
    }
}
