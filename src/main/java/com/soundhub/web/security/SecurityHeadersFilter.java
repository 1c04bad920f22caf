package com.soundhub.web.security;

import java.io.IOException;

import com.soundhub.platform.config.BrowserOrigins;
import com.soundhub.web.ClientInfo;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security headers on every response, error pages and static files included. Pages load scripts
 * and styles only from the site itself; media, images and uploads may also use the bucket's
 * origin for presigned URLs. Only the embeddable player may be framed by other sites.
 */
public class SecurityHeadersFilter extends HttpFilter {

    static final String EMBED_PATH_PREFIX = "/embed/";

    @Inject
    BrowserOrigins origins;

    private volatile String pagePolicy;
    private volatile String embedPolicy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean embeddable = request.getRequestURI().startsWith(EMBED_PATH_PREFIX);
        response.setHeader("Content-Security-Policy", embeddable ? embedPolicy() : pagePolicy());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!embeddable) {
            response.setHeader("X-Frame-Options", "DENY");
        }
        if (ClientInfo.isSecure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    private String pagePolicy() {
        String policy = pagePolicy;
        if (policy == null) {
            policy = ContentSecurityPolicy.forPages(origins.objectStore());
            pagePolicy = policy;
        }
        return policy;
    }

    private String embedPolicy() {
        String policy = embedPolicy;
        if (policy == null) {
            policy = ContentSecurityPolicy.forEmbeds(origins.objectStore());
            embedPolicy = policy;
        }
        return policy;
    }
}
