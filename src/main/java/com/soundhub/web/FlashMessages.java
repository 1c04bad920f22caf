package com.soundhub.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * One-time messages shown on the next page ("Welcome back", "Password changed"). They travel in a
 * signed cookie across the redirect after a POST, so they work whichever instance serves the next
 * page; {@link FlashCookieFilter} reads and writes the cookie.
 */
@Named("flashMessages")
@RequestScoped
public class FlashMessages {

    public enum Level { SUCCESS, INFO, ERROR }

    public record Message(Level level, String text) {
        public String getCss() {
            return level.name().toLowerCase();
        }

        public String getText() {
            return text;
        }
    }

    private final List<Message> incoming = new ArrayList<>();
    private final List<Message> pending = new ArrayList<>();

    public void success(String text) {
        pending.add(new Message(Level.SUCCESS, text));
    }

    public void info(String text) {
        pending.add(new Message(Level.INFO, text));
    }

    public void error(String text) {
        pending.add(new Message(Level.ERROR, text));
    }

    /** Messages for the page being rendered: those carried over from the last request and new ones. */
    public List<Message> getAll() {
        List<Message> all = new ArrayList<>(incoming);
        all.addAll(pending);
        return all;
    }

    void received(List<Message> messages) {
        incoming.addAll(messages);
    }

    boolean hasIncoming() {
        return !incoming.isEmpty();
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }
}
