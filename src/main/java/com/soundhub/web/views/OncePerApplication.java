package com.soundhub.web.views;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.literal.SingletonLiteral;
import org.eclipse.krazo.forms.FormMethodOverwriteFilter;

/**
 * Krazo's form method filter is request-scoped, so it is created for every request, and its
 * constructor scans the class path for a service; that was a tenth of the cost of a page. It keeps
 * no state between requests, so one instance serves them all. Krazo offers no way to choose its
 * filters' scope, so a CDI extension changes it; {@code KrazoWorkaroundsTest} checks that the filter
 * still holds nothing of a request in the Krazo Payara bundles.
 */
public class OncePerApplication implements Extension {

    void makeSingleton(@Observes ProcessAnnotatedType<FormMethodOverwriteFilter> type) {
        type.configureAnnotatedType()
                .remove(annotation -> annotation.annotationType() == RequestScoped.class)
                .add(SingletonLiteral.INSTANCE);
    }
}
