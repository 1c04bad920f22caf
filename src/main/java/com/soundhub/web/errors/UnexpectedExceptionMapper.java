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
        if (isMalformedFormEncoding(exception)) {
            log.info("Refused a request with a malformed form body: {}", exception.getMessage());
            return errors.of(400);
        }
        log.error("Unexpected failure", exception);
        return errors.of(500);
    }

    /** A form body with broken %-escapes fails while the framework decodes it: the client's fault. */
    static boolean isMalformedFormEncoding(Throwable exception) {
        if (!(exception instanceof IllegalArgumentException) || exception.getStackTrace().length == 0) {
            return false;
        }
        return "java.net.URLDecoder".equals(exception.getStackTrace()[0].getClassName());
    }
}
