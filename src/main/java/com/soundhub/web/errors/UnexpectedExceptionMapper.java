package com.soundhub.web.errors;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unexpected: logged whole with the request id, shown to the user as a 500 page only. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(Throwable exception) {
        log.error("Unexpected failure", exception);
        return errors.of(500);
    }
}
