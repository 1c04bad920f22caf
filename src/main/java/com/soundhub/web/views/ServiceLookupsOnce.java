package com.soundhub.web.views;

import java.io.IOException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.eclipse.krazo.engine.Viewable;

/**
 * While a page is written, the thread's context class loader is {@link ServiceFileCache}, so the
 * service lookups Krazo makes for every page are answered from memory.
 */
@Provider
public class ServiceLookupsOnce implements WriterInterceptor {

    private volatile ServiceFileCache cache;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException, WebApplicationException {
        if (!(context.getEntity() instanceof Viewable)) {
            context.proceed();
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(cacheFor(original));
        try {
            context.proceed();
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    private ClassLoader cacheFor(ClassLoader application) {
        ServiceFileCache current = cache;
        if (current == null || current.application() != application) {
            current = new ServiceFileCache(application);
            cache = current;
        }
        return current;
    }
}
