package com.soundhub.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JAX-RS application owns every path, so static files and WebJars are handed to the
 * container's default servlet here. Their URLs carry a version, so browsers may keep them a year.
 * In production nginx serves these paths itself and this filter is not reached.
 */
public class StaticResourceFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        request.getServletContext().getNamedDispatcher("default").forward(request, response);
    }
}
