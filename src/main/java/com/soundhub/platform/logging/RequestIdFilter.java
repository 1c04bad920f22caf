package com.soundhub.platform.logging;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.soundhub.platform.metrics.RequestMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id, put on every log line written while serving it and returned in the
 * {@code X-Request-Id} header, then logs one access line. nginx's id is reused when it sends one,
 * so a request can be followed from the proxy into the application. The same timing feeds the
 * request metrics.
 */
public class RequestIdFilter extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String ATTRIBUTE = "soundhub.requestId";

    private static final Logger access = LoggerFactory.getLogger("soundhub.access");
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final SecureRandom random = new SecureRandom();

    @Inject
    RequestMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String incoming = request.getHeader(HEADER);
        String requestId = incoming != null && ACCEPTABLE_ID.matcher(incoming).matches() ? incoming : newId();
        long started = System.nanoTime();
        MDC.put(MDC_KEY, requestId);
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            // Streams (Server-Sent Events) stay open for minutes: they are neither page loads nor slow.
            if (!request.isAsyncStarted()) {
                long nanos = System.nanoTime() - started;
                metrics.record(response.getStatus(), nanos);
                if (access.isInfoEnabled()) {
                    access.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                            nanos / 1_000_000);
                }
            }
            MDC.remove(MDC_KEY);
        }
    }

    static String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The id of the request being served, for error pages that show it as a reference. */
    public static String current(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : "";
    }
}
