package com.soundhub.web.views;

import java.util.function.Supplier;

/**
 * A page model read only if the template uses it: a part of the page that comes from the
 * {@link FragmentCache} does not need the rows it was rendered from.
 */
public final class Lazy<T> {

    private final Supplier<T> supplier;

    private Lazy(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    public static <T> Lazy<T> of(Supplier<T> supplier) {
        return new Lazy<>(supplier);
    }

    T get() {
        return supplier.get();
    }
}
