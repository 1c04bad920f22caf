package com.soundhub.web.errors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The container's error pages (web.xml) for failures outside JAX-RS, such as a missing static
 * file or a filter that refused a request. Answers any method, since the failed request's method
 * is kept on the error dispatch.
 */
@Path("errors/{status: [0-9]{3}}")
@RequestScoped
public class ErrorPageController {

    @Inject
    ErrorResponses errors;

    @GET
    public Response get(@PathParam("status") int status) {
        return page(status);
    }

    @POST
    public Response post(@PathParam("status") int status) {
        return page(status);
    }

    @PUT
    public Response put(@PathParam("status") int status) {
        return page(status);
    }

    @DELETE
    public Response delete(@PathParam("status") int status) {
        return page(status);
    }

    private Response page(int status) {
        return errors.of(status >= 400 && status <= 599 ? status : 404);
    }
}
