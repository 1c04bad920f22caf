package com.soundhub.platform.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The cheapest answer the application can give: a fixed short body from a plain servlet, past the
 * same filters as every page. Load tests measure pages against it (and against a static file), so
 * that what a page costs beyond the server itself shows.
 */
@WebServlet("/ping")
public class PingServlet extends HttpServlet {

    private static final byte[] BODY = "ok\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
