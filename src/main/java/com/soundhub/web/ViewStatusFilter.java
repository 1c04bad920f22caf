package com.soundhub.web;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The Thymeleaf view engine writes pages straight to the servlet response, which then goes out
 * with the servlet's status (200) rather than the one the controller chose. Setting it there
 * before the view is written keeps a 404 page a 404 and a rejected form a 422.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class ViewStatusFilter implements ContainerResponseFilter {

    @Context
    HttpServletResponse servletResponse;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!servletResponse.isCommitted() && servletResponse.getStatus() != response.getStatus()) {
            servletResponse.setStatus(response.getStatus());
        }
    }
}
