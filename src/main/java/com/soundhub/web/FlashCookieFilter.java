package com.soundhub.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.soundhub.platform.database.ServerSecrets;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Moves {@link FlashMessages} through a signed cookie. A redirect carries all messages to the next
 * page; a rendered HTML page shows them and drops the cookie. Response filters run before the view
 * is written, so the headers are still open here.
 */
@Provider
@Priority(Priorities.USER)
public class FlashCookieFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String COOKIE_NAME = "soundhub_flash";
    private static final int MAX_MESSAGES = 5;

    @Inject
    FlashMessages flash;

    @Inject
    ServerSecrets secrets;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    private volatile Signer signer;

    @Override
    public void filter(ContainerRequestContext context) {
        if (isApi(context) || isPublicPage()) {
            return;
        }
        Cookies.read(request, COOKIE_NAME)
                .flatMap(value -> signer().verify(value))
                .ifPresent(payload -> flash.received(FlashCodec.decode(payload)));
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        // Scripts and event streams never show flash messages; streams may finish outside the request.
        // Public pages show them in their viewer part.
        if (isApi(requestContext) || isPublicPage()) {
            return;
        }
        int status = responseContext.getStatus();
        boolean redirect = status >= 300 && status < 400;
        boolean htmlPage = MediaType.TEXT_HTML_TYPE.isCompatible(responseContext.getMediaType())
                || (responseContext.getMediaType() == null && responseContext.hasEntity());
        // Scripts see the cookie: a public page asks for its viewer part, which shows the messages, when one waits.
        if (redirect && (flash.hasIncoming() || flash.hasPending())) {
            Cookies.writeForScripts(request, response, COOKIE_NAME, signer().sign(FlashCodec.encode(flash.getAll())), -1);
        } else if (!redirect && !htmlPage && flash.hasPending()) {
            Cookies.writeForScripts(request, response, COOKIE_NAME, signer().sign(FlashCodec.encode(flash.getAll())), -1);
        } else if (htmlPage && flash.hasIncoming()) {
            Cookies.delete(request, response, COOKIE_NAME);
        }
    }

    private boolean isPublicPage() {
        return request.getAttribute(PublicPageCache.PUBLIC_RENDERING) != null;
    }

    private static boolean isApi(ContainerRequestContext context) {
        return context.getUriInfo().getPath().startsWith("api/");
    }

    private Signer signer() {
        Signer current = signer;
        if (current == null) {
            current = new Signer(secrets.signingKey(), "flash");
            signer = current;
        }
        return current;
    }

    /** Messages as URL-safe text: {@code LEVEL:base64(text)} joined by {@code ~}. */
    static final class FlashCodec {

        private FlashCodec() {
        }

        static String encode(List<FlashMessages.Message> messages) {
            StringBuilder out = new StringBuilder();
            for (FlashMessages.Message message : messages.subList(0, Math.min(messages.size(), MAX_MESSAGES))) {
                if (!out.isEmpty()) {
                    out.append('~');
                }
                out.append(message.level().name()).append(':')
                        .append(Base64.getUrlEncoder().withoutPadding()
                                .encodeToString(message.text().getBytes(StandardCharsets.UTF_8)));
            }
            return out.toString();
        }

        static List<FlashMessages.Message> decode(String payload) {
            List<FlashMessages.Message> messages = new ArrayList<>();
            for (String part : payload.split("~")) {
                int colon = part.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                try {
                    FlashMessages.Level level = FlashMessages.Level.valueOf(part.substring(0, colon));
                    String text = new String(Base64.getUrlDecoder().decode(part.substring(colon + 1)), StandardCharsets.UTF_8);
                    messages.add(new FlashMessages.Message(level, text));
                } catch (IllegalArgumentException ignored) {
                    // A damaged entry is dropped; the rest still show.
                }
            }
            return messages;
        }
    }
}
