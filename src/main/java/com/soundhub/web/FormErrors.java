package com.soundhub.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.mvc.binding.BindingResult;
import jakarta.mvc.binding.ParamError;

/**
 * What was wrong with the form just submitted, per field, for the template to show next to each
 * field. Filled from Bean Validation ({@link #addAll(BindingResult)}) and from rules the services
 * check ({@link #add(String, String)}).
 */
@SameForEveryViewer
@Named("errors")
@RequestScoped
public class FormErrors {

    /** Key for errors that belong to the whole form rather than one field. */
    public static final String FORM = "_form";

    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    public FormErrors addAll(BindingResult result) {
        result.getAllErrors().stream()
                .sorted(Comparator.comparing(ParamError::getParamName).thenComparing(ParamError::getMessage))
                .forEach(error -> add(error.getParamName(), error.getMessage()));
        return this;
    }

    public FormErrors add(String field, String message) {
        List<String> messages = byField.computeIfAbsent(field, key -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
        return this;
    }

    public FormErrors addToForm(String message) {
        return add(FORM, message);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public String first(String field) {
        List<String> messages = of(field);
        return messages.isEmpty() ? null : messages.get(0);
    }

    public List<String> getForm() {
        return of(FORM);
    }

    public int getCount() {
        return byField.values().stream().mapToInt(List::size).sum();
    }
}
