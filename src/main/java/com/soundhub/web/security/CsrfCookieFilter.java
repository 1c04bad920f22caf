package com.soundhub.web.security;

import java.io.IOException;

import com.soundhub.web.PublicPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Issues the CSRF cookie before a page starts rendering: a template that asks for the token late
 * could otherwise find the response headers already sent.
 */
public class CsrfCookieFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Public pages are the same for everyone and set no cookie; their viewer part issues the token.
        // Nor do API calls authenticated by a token they carry: such a client has no use for it.
        if ("GET".equals(request.getMethod()) && !PublicPages.isPublicPage(request.getMethod(), request.getRequestURI())
                && !ApiCsrfFilter.credentialsCarried(request)) {
            CsrfCookie.ensure(request, response);
        }
        chain.doFilter(request, response);
    }
}
