package com.soundhub.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list, and the cursor of the next page if there is one. */
public record Slice<T>(List<T> items, Cursor next) {

    /**
     * From a query that fetched one item more than {@code size}: that extra item only says that
     * a next page exists.
     */
    public static <T> Slice<T> of(List<T> fetched, int size, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= size) {
            return new Slice<>(fetched, null);
        }
        List<T> shown = fetched.subList(0, size);
        return new Slice<>(List.copyOf(shown), cursorOf.apply(shown.get(size - 1)));
    }

    public boolean hasNext() {
        return next != null;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<T> getItems() {
        return items;
    }

    public String getNext() {
        return next == null ? null : next.toString();
    }
}
