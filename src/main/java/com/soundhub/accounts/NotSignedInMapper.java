package com.soundhub.accounts;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service found no signed-in member where it needs one: off to the sign-in page. */
@Provider
public class NotSignedInMapper implements ExceptionMapper<NotSignedInException> {

    @Override
    public Response toResponse(NotSignedInException exception) {
        return Response.seeOther(SignedInFilter.SignInRedirect.to("/")).build();
    }
}
