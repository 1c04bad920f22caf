package com.soundhub.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses form posts larger than the container reads ({@value #MAX_FORM_BYTES} bytes) before
 * anything reads them: the answer is the site's 413 page. Left to the container, reading such a
 * form's fields fails with an exception (a 500 page and a stack trace in the log). No form of the
 * site comes near the limit; files and pictures are sent by other means and are not limited here.
 */
public class FormSizeFilter extends HttpFilter {

    /** The container's limit for form bodies (Grizzly's {@code maxFormPostSize}, 2 MiB). */
    public static final long MAX_FORM_BYTES = 2L * 1024 * 1024;

    static final String FORM_TYPE = "application/x-www-form-urlencoded";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (tooLarge(request.getMethod(), request.getContentType(), request.getContentLengthLong())) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean tooLarge(String method, String contentType, long contentLength) {
        return "POST".equals(method) && contentType != null
                && contentType.strip().toLowerCase(Locale.ROOT).startsWith(FORM_TYPE)
                && contentLength > MAX_FORM_BYTES;
    }
}
