package com.soundhub.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.MemberPrincipal;
import com.soundhub.accounts.Role;
import com.soundhub.web.security.CsrfCookie;
import com.soundhub.web.security.SignedCookieCsrfTokenStrategy;
import com.soundhub.web.views.MemberPageTemplate;
import com.soundhub.web.views.PageRenderer;
import com.soundhub.web.views.SharedRendering;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends signed-in members the feeds, recordings, profiles and searches from a copy of the page
 * kept for a few seconds ({@code soundhub.member-page-cache.seconds}, 5 by default, 0 turns it
 * off), the way an edge cache with includes does: the copy is the page as any member it looks the
 * same to sees it, with holes where it depends on the viewer. Each request fills them in for its
 * member: the header (name, unread counts) is rendered for them alone, their CSRF token goes into
 * every form. The page itself says whether and how it may be shared ({@link SharedPage}): which
 * members see the same variant of it (those who like a recording, those who do not), and whose it
 * is alone (an owner's, an admin's); those are rendered for them as before. Kept pages are
 * forgotten on every instance when an owner changes a recording, as the visitors' pages are.
 *
 * <p>A member's own change shows at once: after they send a form, their pages are rendered for
 * them for as long as a kept copy could still predate it (a short-lived cookie says so), as
 * database routers send a writer's reads to the primary for a while.
 */
public class MemberPageCache extends HttpFilter {

    static final String STATUS_HEADER = AnonymousPageCache.STATUS_HEADER;
    /** Set after a member sends a form: their pages are rendered for them while it lasts. */
    static final String FRESH_COOKIE = "soundhub_fresh";
    private static final int MAX_PAGE_BYTES = 256 * 1024;

    @Inject
    MemberPages pages;

    @Inject
    CurrentMember currentMember;

    @Inject
    SharedPage sharedPage;

    @Inject
    PageRenderer renderer;

    @Inject
    Instance<ViewerState> viewerStateBeans;

    /** Application-scoped beans, so they are looked up once. */
    private volatile List<ViewerState> viewerStates;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!pages.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
            // Kept copies may predate this change until they expire or are being made again.
            int freshSeconds = pages.lifetimeSeconds() + (int) (ShortLivedCopies.REFRESH_NANOS / 1_000_000_000L);
            Cookies.write(request, response, FRESH_COOKIE, "1", freshSeconds);
            chain.doFilter(request, response);
            return;
        }
        String address = "GET".equals(method) && AnonymousPageCache.isPage(request.getRequestURI())
                && Cookies.read(request, FRESH_COOKIE).isEmpty() && Cookies.read(request, FlashCookieFilter.COOKIE_NAME).isEmpty()
                ? AnonymousPageCache.key(request) : null;
        Optional<MemberPrincipal> viewer = address == null ? Optional.empty() : currentMember.principal();
        // Admins see controls on every page; their pages are theirs alone.
        if (viewer.isEmpty() || viewer.get().role() == Role.ADMIN) {
            chain.doFilter(request, response);
            return;
        }
        String csrfToken = CsrfCookie.ensure(request, response);
        long now = System.nanoTime();
        Optional<MemberVariants> variants = pages.variants(address, now);
        if (variants.isPresent()) {
            Optional<String> variant = variants.get().variantFor(viewer.get());
            if (variant.isEmpty()) {
                response.setHeader(STATUS_HEADER, "own");
                chain.doFilter(request, response);
                return;
            }
            Optional<ShortLivedCopies.Copy<MemberPages.Page>> kept = pages.find(address, variant.get(), now);
            if (kept.isPresent()) {
                MemberPages.Page page = kept.get().value();
                String viewerKey = viewerKey(viewer.get(), csrfToken);
                MemberPageTemplate.Filled filled = page.template().fill(csrfToken, part -> pages.viewerPart(part, viewerKey,
                        () -> renderer.renderPart(request, response, part, SignedCookieCsrfTokenStrategy.PARAM_NAME, csrfToken)));
                response.setHeader(STATUS_HEADER, kept.get().fresh(now) ? "hit" : "stale");
                response.setHeader(SignedCookieCsrfTokenStrategy.HEADER_NAME, csrfToken);
                response.setContentType(page.contentType());
                response.setContentLength(filled.length());
                filled.writeTo(response.getOutputStream());
                return;
            }
        }
        renderAndKeep(request, response, chain, address, viewer.get(), csrfToken, now);
    }

    /** Renders the page for this member, marking their parts, and keeps it for the members it looks the same to. */
    private void renderAndKeep(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                               String address, MemberPrincipal viewer, String csrfToken, long now)
            throws IOException, ServletException {
        long generation = pages.generation();
        SharedRendering rendering = pages.rendering();
        request.setAttribute(SharedRendering.REQUEST_ATTRIBUTE, rendering);
        CapturedResponse capture = new CapturedResponse(response);
        try {
            chain.doFilter(request, capture);
        } finally {
            // An error page the container renders after this filter must come without marks.
            request.removeAttribute(SharedRendering.REQUEST_ATTRIBUTE);
        }
        byte[] body = capture.body();
        String contentType = capture.getContentType();
        if (contentType == null || !contentType.startsWith("text/html") || request.isAsyncStarted()) {
            send(response, body);
            return;
        }
        Charset charset = capture.charset();
        String html = new String(body, charset);
        MemberVariants variants = sharedPage.variants();
        if (variants != null && capture.getStatus() == HttpServletResponse.SC_OK && body.length <= MAX_PAGE_BYTES) {
            pages.keepVariants(address, variants, now, generation);
            Optional<String> variant = variants.variantFor(viewer);
            if (variant.isPresent()) {
                MemberPageTemplate.cut(html, rendering, csrfToken, charset).ifPresent(template ->
                        pages.keep(address, variant.get(), new MemberPages.Page(template, contentType), now, generation));
                response.setHeader(STATUS_HEADER, "miss");
            } else {
                response.setHeader(STATUS_HEADER, "own");
            }
        }
        send(response, rendering.withoutMarks(html).getBytes(charset));
    }

    /** Everything the viewer's parts show of them; the same key, the same parts. */
    private String viewerKey(MemberPrincipal viewer, String csrfToken) {
        List<ViewerState> states = viewerStates;
        if (states == null) {
            states = viewerStateBeans.stream().toList();
            viewerStates = states;
        }
        StringBuilder key = new StringBuilder(csrfToken);
        for (ViewerState state : states) {
            key.append('\n').append(state.of(viewer));
        }
        return key.toString();
    }

    private static void send(HttpServletResponse response, byte[] body) throws IOException {
        if (!response.isCommitted()) {
            response.setContentLength(body.length);
        }
        response.getOutputStream().write(body);
    }
}
