package com.soundhub.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import jakarta.validation.constraints.Size;

/** Helpers for forms shown again after they were rejected. */
public final class Forms {

    private Forms() {
    }

    /**
     * Cuts every text field of {@code form} that is longer than its {@link Size#max()} to that
     * length, and returns the form. A rejected form shows what was typed, but no more than the
     * field may hold: a megabyte pasted into a comment does not come back in the page (its error
     * says how long the field may be).
     */
    public static <F> F cutToSize(F form) {
        for (Class<?> type = form.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Size size = field.getAnnotation(Size.class);
                if (size == null || field.getType() != String.class || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    String value = (String) field.get(form);
                    if (value != null && value.length() > size.max()) {
                        field.set(form, cut(value, size.max()));
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("Cannot shorten " + field, e);
                }
            }
        }
        return form;
    }

    /** The first {@code max} characters, without splitting a character that takes two. */
    static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Math.max(0, max);
        if (end > 0 && end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }
}
