package com.soundhub.web.views;

import java.io.IOException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.eclipse.krazo.engine.Viewable;

/**
 * While a page is written, the thread's context class loader is {@link ServiceFileCache}, so the
 * service lookups Krazo makes for every page are answered from memory. Krazo has no setting or SPI
 * that would let it look its unwrappers up once: it calls {@link java.util.ServiceLoader} with the
 * context class loader on every page, so that loader is the only place to answer from memory.
 * {@code KrazoWorkaroundsTest} fails when Payara brings another Krazo, to have this checked again.
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
