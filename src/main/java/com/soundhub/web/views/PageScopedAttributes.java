package com.soundhub.web.views;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as a page sees it. Thymeleaf keeps every loop and local variable as a request
 * attribute, and the request Jakarta MVC hands over is a CDI proxy, so each of those thousands of
 * reads and writes crossed the proxy. Here what the page sets lives in a map of its own; what the
 * request already carried is still read through.
 */
final class PageScopedAttributes extends HttpServletRequestWrapper {

    private static final Object REMOVED = new Object();

    private final Map<String, Object> attributes = new HashMap<>();

    PageScopedAttributes(HttpServletRequest request) {
        super(request);
    }

    @Override
    public Object getAttribute(String name) {
        Object value = attributes.get(name);
        if (value == REMOVED) {
            return null;
        }
        return value != null ? value : super.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.put(name, REMOVED);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
        attributes.forEach((name, value) -> {
            if (value == REMOVED) {
                names.remove(name);
            } else {
                names.add(name);
            }
        });
        return Collections.enumeration(names);
    }
}
