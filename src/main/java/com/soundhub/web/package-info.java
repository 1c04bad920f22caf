/**
 * What all pages share: the JAX-RS/MVC application, security headers and CSRF, flash messages,
 * form errors, error pages, static assets and client details behind the proxy.
 */
package com.soundhub.web;
