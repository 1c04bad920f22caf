package com.soundhub.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a named bean that public pages' templates may use: what it shows cannot depend on who
 * views the page (dates, asset addresses, the form errors of the request itself). Every other named
 * bean (the current member, their unread counts, the CSRF token) is refused while a public page
 * renders, so a template cannot put one viewer's data in the copy everyone gets.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SameForEveryViewer {
}
