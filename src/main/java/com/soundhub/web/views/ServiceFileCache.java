package com.soundhub.web.views;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class loader, remembering where its {@code META-INF/services} files are.
 * Krazo asks {@link java.util.ServiceLoader} for its request unwrappers twice per page, and each
 * of those asks the application's class loader to open every jar of the WAR and of the server's
 * API; that was a quarter of the cost of a page. The jars do not change while the application
 * runs, so the answer is kept. Classes and every other resource come from the application's own
 * loader, so they are the very same classes.
 */
final class ServiceFileCache extends ClassLoader {

    private static final String SERVICES = "META-INF/services/";

    private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

    ServiceFileCache(ClassLoader application) {
        super(application);
    }

    ClassLoader application() {
        return getParent();
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICES)) {
            return getParent().getResources(name);
        }
        List<URL> urls = serviceFiles.get(name);
        if (urls == null) {
            urls = List.copyOf(Collections.list(getParent().getResources(name)));
            serviceFiles.putIfAbsent(name, urls);
        }
        return Collections.enumeration(urls);
    }

    @Override
    public URL getResource(String name) {
        return getParent().getResource(name);
    }
}
