package com.soundhub.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address and whether it used HTTPS. Behind nginx and the load balancer the
 * connection comes from the proxy, so the forwarded headers are believed only when
 * {@code soundhub.trust-proxy} says a trusted proxy is in front.
 */
public final class ClientInfo {

    private static final boolean TRUST_PROXY = Boolean.parseBoolean(
            org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("soundhub.trust-proxy", String.class).orElse("false"));

    private ClientInfo() {
    }

    public static String address(HttpServletRequest request) {
        if (TRUST_PROXY) {
            String realIp = request.getHeader("X-Real-IP");
            if (realIp != null && !realIp.isBlank()) {
                return clip(realIp.trim());
            }
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return clip(forwarded.split(",")[0].trim());
            }
        }
        return request.getRemoteAddr();
    }

    public static boolean isSecure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        return TRUST_PROXY && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    public static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent == null ? null : agent.substring(0, Math.min(agent.length(), 300));
    }

    private static String clip(String value) {
        return value.substring(0, Math.min(value.length(), 64));
    }
}
