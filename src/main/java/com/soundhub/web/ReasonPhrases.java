package com.soundhub.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real reason phrases for the statuses the site sends that the HTTP server of Payara Micro (Grizzly)
 * does not know. Servlet 6 has no way to set a reason phrase, and Grizzly writes {@code CUSTOM}
 * for any status missing from its table ({@code HTTP/1.1 422 CUSTOM}), which proxies pass on. At
 * start-up the missing ones are added to that table; if a Grizzly upgrade moves it, the site still
 * works, says so once in the log, and {@code PlatformIT} notices the phrase again.
 */
@WebListener
public class ReasonPhrases implements ServletContextListener {

    /** The statuses the site answers with that Grizzly 4 lacks, and their names in RFC 9110 / RFC 6585. */
    static final Map<Integer, String> MISSING = Map.of(
            422, "Unprocessable Content",
            429, "Too Many Requests");

    static final String GRIZZLY_STATUS = "org.glassfish.grizzly.http.util.HttpStatus";

    private static final Logger log = LoggerFactory.getLogger(ReasonPhrases.class);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            // The web container's own classes see Grizzly; the application's class loader may not.
            Class<?> status = Class.forName(GRIZZLY_STATUS, true, context.getClass().getClassLoader());
            register(status);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.warn("Could not give statuses {} their reason phrases; they go out as the server names them ({})",
                    MISSING.keySet(), e.toString());
        }
    }

    /** Adds the missing phrases to Grizzly's table of statuses (a static map from code to status). */
    @SuppressWarnings("unchecked")
    static void register(Class<?> status) throws ReflectiveOperationException {
        Field table = status.getDeclaredField("statusMessages");
        table.setAccessible(true);
        Map<Integer, Object> statuses = (Map<Integer, Object>) table.get(null);
        Method create = status.getMethod("newHttpStatus", int.class, String.class);
        synchronized (statuses) {
            for (Map.Entry<Integer, String> missing : MISSING.entrySet()) {
                if (!statuses.containsKey(missing.getKey())) {
                    statuses.put(missing.getKey(), create.invoke(null, missing.getKey(), missing.getValue()));
                }
            }
        }
    }
}
