package com.soundhub.accounts;

import com.soundhub.web.errors.ErrorResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Where no form catches it: 403, saying how to confirm. */
@Provider
public class EmailNotConfirmedMapper implements ExceptionMapper<EmailNotConfirmed> {

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(EmailNotConfirmed exception) {
        return errors.of(403, exception.getMessage());
    }
}
