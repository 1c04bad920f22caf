package com.soundhub.accounts;

import java.util.Optional;

import com.soundhub.web.ClientInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where links in mail point: the configured site address ({@code soundhub.site-url}). A local run
 * or test on this machine may go without one, as the Host header cannot mislead a link to a
 * loopback address; anywhere else a link is not sent rather than trust the Host header.
 */
@RequestScoped
public class SiteOrigin {

    @Inject
    @ConfigProperty(name = "soundhub.site-url")
    Optional<String> siteUrl;

    @Inject
    HttpServletRequest request;

    public Optional<String> get() {
        if (siteUrl.isPresent() && !siteUrl.get().isBlank()) {
            return Optional.of(siteUrl.get().replaceAll("/+$", ""));
        }
        String host = request.getServerName();
        if ("localhost".equals(host) || "127.0.0.1".equals(host)) {
            return Optional.of((ClientInfo.isSecure(request) ? "https" : "http") + "://" + host + ":" + request.getServerPort());
        }
        return Optional.empty();
    }
}
