package com.soundhub.web.views;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class loader, remembering its {@code META-INF/services} files. Krazo asks
 * {@link java.util.ServiceLoader} for its request unwrappers twice per page, and each of those
 * asks the application's class loader to open every jar of the WAR and of the server's API, then
 * reads the files it found out of their jars; that was a quarter of the cost of a page. The jars
 * do not change while the application runs, so where the files are and what they say is kept.
 * Classes and every other resource come from the application's own loader, so they are the very
 * same classes.
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
            List<URL> read = new ArrayList<>();
            for (URL file : Collections.list(getParent().getResources(name))) {
                try (InputStream in = file.openStream()) {
                    read.add(inMemory(file, in.readAllBytes()));
                }
            }
            urls = List.copyOf(read);
            serviceFiles.putIfAbsent(name, urls);
        }
        return Collections.enumeration(urls);
    }

    @Override
    public URL getResource(String name) {
        return getParent().getResource(name);
    }

    /** The same address, read from memory. */
    private static URL inMemory(URL file, byte[] content) throws IOException {
        return new URL(null, file.toString(), new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                return new URLConnection(url) {
                    @Override
                    public void connect() {
                        // Nothing to open.
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(content);
                    }
                };
            }
        });
    }
}
