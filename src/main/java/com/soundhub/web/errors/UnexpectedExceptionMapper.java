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
        if (isPostTooLarge(exception)) {
            log.info("Refused a form larger than the container reads: {}", exception.getMessage());
            return errors.of(413);
        }
        log.error("Unexpected failure", exception);
        return errors.of(500);
    }

    /** The container refuses to read a form body over its size limit (Grizzly's "Post too large"). */
    static boolean isPostTooLarge(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && cause.getMessage().contains("Post too large")) {
                return true;
            }
        }
        return false;
    }

    /** A form body with broken %-escapes fails while the framework decodes it: the client's fault. */
    static boolean isMalformedFormEncoding(Throwable exception) {
        if (!(exception instanceof IllegalArgumentException) || exception.getStackTrace().length == 0) {
            return false;
        }
        return "java.net.URLDecoder".equals(exception.getStackTrace()[0].getClassName());
    }
}
