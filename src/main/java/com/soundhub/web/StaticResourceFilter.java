package com.soundhub.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JAX-RS application owns every path, so static files and WebJars are handed to the
 * container's default servlet here. Their URLs carry a version, so browsers may keep them a year
 * (the site-wide {@code /favicon.ico}, at the root of the WAR, is kept a day).
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
        // /favicon.ico and /robots.txt keep their addresses when they change: a day, not a year.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean versioned = path.startsWith("/static/") || path.startsWith("/webjars/");
        response.setHeader("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=86400");
        request.getServletContext().getNamedDispatcher("default").forward(request, response);
    }
}
