package com.soundhub.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Serves the {@link PublicPages} from one copy per page for everyone, visitors and members alike,
 * kept a few seconds on each instance ({@link KeptPages}). A copy is made by rendering the page for
 * nobody: the request is not authenticated (the session mechanism leaves public pages alone), it
 * carries no cookies, no session and only the parameters public pages read, and its templates may
 * use no bean that could know the viewer ({@code PageRenderer}). So nothing of one member can end up
 * in what another gets, whatever a template or controller does.
 *
 * <p>What a visitor may not see (a private recording) answers 404 when rendered for nobody; then,
 * and only then, the page is rendered for whoever asks, with their identity, and not kept.
 */
public class PublicPageCache extends HttpFilter {

    static final String STATUS_HEADER = "X-Page-Cache";
    /** Set on the request while its page renders as a public page, for the page renderer. */
    public static final String PUBLIC_RENDERING = PublicPageCache.class.getName() + ".rendering";
    /**
     * Set on the request before a public page is rendered for its viewer: the session mechanism
     * leaves public pages unauthenticated unless it finds this.
     */
    public static final String AUTHENTICATE = PublicPageCache.class.getName() + ".authenticate";

    @Inject
    KeptPages kept;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!PublicPages.isPublicPage(request.getMethod(), request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String> parameters = PublicPages.parameters(request);
        // A HEAD answer has no body to keep for the GETs.
        String address = kept.enabled() && "GET".equals(request.getMethod()) ? PublicPages.address(request, parameters) : null;
        CompletableFuture<KeptPages.Page> mine = new CompletableFuture<>();
        CompletableFuture<KeptPages.Page> found = address == null ? null : kept.claim(address, mine);
        Optional<KeptPages.Page> page = found != null ? awaited(found) : Optional.of(render(request, response, chain, parameters, mine));
        if (page.isEmpty() || page.get().notForVisitors()) {
            // Not found for nobody: it may be there for this viewer.
            renderForViewer(request, response, chain);
        } else {
            send(response, page.get(), address == null || !page.get().keepable() ? null : found != null ? "hit" : "miss");
        }
    }

    /** Renders the page for nobody, and completes {@code mine} with what may be kept of it. */
    private static KeptPages.Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                         Map<String, String> parameters, CompletableFuture<KeptPages.Page> mine)
            throws IOException, ServletException {
        try {
            KeptPages.Page rendered = renderForNobody(request, response, chain, parameters);
            mine.complete(rendered.notForVisitors() ? KeptPages.Page.NOT_FOR_VISITORS : rendered.keepable() ? rendered : null);
            return rendered;
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
            throw failure;
        }
    }

    /** What another request rendered for the same address; empty when it failed. */
    private static Optional<KeptPages.Page> awaited(CompletableFuture<KeptPages.Page> found) {
        try {
            return Optional.ofNullable(found.join());
        } catch (CompletionException failed) {
            // Its own request reports the failure; this one renders for itself.
            return Optional.empty();
        }
    }

    private static KeptPages.Page renderForNobody(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                                  Map<String, String> parameters) throws IOException, ServletException {
        HttpServletRequest nobody = new Nobody(request, parameters);
        Set<String> attributesBefore = new HashSet<>(Collections.list(request.getAttributeNames()));
        nobody.setAttribute(PUBLIC_RENDERING, Boolean.TRUE);
        CapturedResponse capture = new CapturedResponse(response);
        try {
            chain.doFilter(nobody, capture);
        } finally {
            // The request is left as it came (frameworks mark it as handled), in case the page is
            // rendered again for its viewer.
            Collections.list(request.getAttributeNames()).stream()
                    .filter(name -> !attributesBefore.contains(name))
                    .forEach(request::removeAttribute);
        }
        return new KeptPages.Page(capture.getStatus(), capture.getContentType(), capture.location(), capture.body());
    }

    /** A page visitors may not see, for a viewer who might: rendered with who they are, never kept. */
    private static void renderForViewer(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null && Cookies.read(request, Cookies.SESSION).isPresent()) {
            request.setAttribute(AUTHENTICATE, Boolean.TRUE);
            request.authenticate(response);
        }
        request.setAttribute(PUBLIC_RENDERING, Boolean.TRUE);
        chain.doFilter(request, response);
    }

    private static void send(HttpServletResponse response, KeptPages.Page page, String status) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(page.status());
        if (status != null) {
            response.setHeader(STATUS_HEADER, status);
        }
        if (page.contentType() != null) {
            response.setContentType(page.contentType());
        }
        if (page.location() != null) {
            response.setHeader("Location", page.location());
        }
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /**
     * The request as nobody in particular makes it: no cookies, no session, no caller, and only the
     * parameters public pages read.
     */
    private static final class Nobody extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;
        private final String query;

        Nobody(HttpServletRequest request, Map<String, String> seen) {
            super(request);
            this.parameters = new java.util.LinkedHashMap<>();
            seen.forEach((name, value) -> parameters.put(name, new String[]{value}));
            String canonical = PublicPages.queryString(seen);
            this.query = canonical.isEmpty() ? null : canonical;
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Cookie[] getCookies() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "Cookie".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Cookie".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (create) {
                throw new IllegalStateException("A page shared by every viewer may not start a session");
            }
            return null;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public java.security.Principal getUserPrincipal() {
            return null;
        }

        @Override
        public String getRemoteUser() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }
    }
}
