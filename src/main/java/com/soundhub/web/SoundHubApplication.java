package com.soundhub.web;

import java.util.Map;

import com.soundhub.web.security.SignedCookieCsrfTokenStrategy;
import jakarta.annotation.security.DeclareRoles;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.krazo.Properties;

/**
 * The site's pages and JSON API, served from the root. Every state-changing form post is CSRF
 * checked ({@link Csrf.CsrfOptions#IMPLICIT}); the token lives in a signed cookie rather than the
 * HTTP session, so any instance can check a form rendered by another.
 */
@ApplicationPath("/")
@DeclareRoles({"user", "admin"})
public class SoundHubApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                Csrf.CSRF_PROTECTION, Csrf.CsrfOptions.IMPLICIT,
                Csrf.CSRF_HEADER_NAME, SignedCookieCsrfTokenStrategy.HEADER_NAME,
                Properties.CSRF_TOKEN_STRATEGY, new SignedCookieCsrfTokenStrategy(),
                ViewEngine.VIEW_FOLDER, "/WEB-INF/views/",
                "jersey.config.server.wadl.disableWadl", true);
    }
}
