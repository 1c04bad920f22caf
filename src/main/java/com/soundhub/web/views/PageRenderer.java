package com.soundhub.web.views;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.soundhub.web.PublicPageCache;
import com.soundhub.web.SameForEveryViewer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.engine.ViewEngineContext;
import jakarta.mvc.engine.ViewEngineException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.krazo.engine.ViewEngineBase;
import org.eclipse.krazo.engine.ViewEngineConfig;
import org.eclipse.krazo.ext.thymeleaf.JakartaServletWebApplicationWrapper;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.util.FastStringWriter;

/**
 * Renders Thymeleaf pages, in place of Krazo's own Thymeleaf engine, for speed. Krazo's engine
 * enumerates every CDI bean on each request, resolves named beans anew on each use in a template,
 * and streams the page a character at a time through several layers of output streams; that was
 * most of the cost of a page. Here the named beans are listed once, each is looked up at most once
 * per page, and the page is rendered into memory and written in one piece with its length.
 *
 * <p>A public page ({@link PublicPageCache}) is the same for every viewer: while one renders, its
 * template sees {@code publicPage} true, no {@code request}, and only the named beans marked
 * {@link SameForEveryViewer}; using any other (the current member, the CSRF token) fails the page.
 */
@ApplicationScoped
@Priority(ViewEngine.PRIORITY_APPLICATION)
public class PageRenderer extends ViewEngineBase {

    /** Most pages fit; the buffer grows for the rest. */
    private static final int INITIAL_BUFFER = 32 * 1024;

    @Inject
    @ViewEngineConfig
    TemplateEngine engine;

    @Inject
    JakartaServletWebApplicationWrapper application;

    @Inject
    BeanManager beanManager;

    private volatile Set<String> beanNames;

    private final Map<String, Optional<Bean<?>>> beansByName = new ConcurrentHashMap<>();

    @Override
    public boolean supports(String view) {
        return view.endsWith(".html");
    }

    @Override
    public void processView(ViewEngineContext context) throws ViewEngineException {
        HttpServletRequest request = context.getRequest(HttpServletRequest.class);
        HttpServletResponse response = context.getResponse(HttpServletResponse.class);
        boolean publicPage = request.getAttribute(PublicPageCache.PUBLIC_RENDERING) != null;
        String template = resolveView(context);
        String html = render(template, context.getModels().asMap(), publicPage, request, response, context.getLocale());
        Charset charset = context.getMediaType() != null && context.getMediaType().getParameters().containsKey("charset")
                ? Charset.forName(context.getMediaType().getParameters().get("charset")) : StandardCharsets.UTF_8;
        byte[] bytes = html.getBytes(charset);
        context.getResponseHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length));
        try {
            OutputStream out = entityStream(context.getOutputStream());
            out.write(bytes, 0, bytes.length);
            out.flush();
        } catch (IOException e) {
            throw new ViewEngineException(e);
        }
    }

    /**
     * A page's viewer part ({@code fragments/viewer.html} and those that include it), rendered for
     * the member of this request straight from a JAX-RS resource: the part is asked for on every
     * page a member opens, and Jakarta MVC's controller machinery (its validation interceptor, its
     * view writer) cost more than the part itself. The form token is {@code csrfToken}.
     */
    public String renderViewerPart(String template, Map<String, Object> models, String csrfToken,
                                   HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> variables = new HashMap<>(models);
        variables.put("mvc", Map.of("csrf", Map.of("name", "_csrf", "token", csrfToken)));
        return render(template, variables, false, request, response, request.getLocale());
    }

    private String render(String template, Map<String, Object> models, boolean publicPage, HttpServletRequest request,
                          HttpServletResponse response, java.util.Locale locale) {
        Map<String, Object> variables = new HashMap<>(models);
        variables.put("publicPage", publicPage);
        if (!publicPage) {
            variables.put("request", request);
        }
        PageContext page = new PageContext(application.get().buildExchange(new PageScopedAttributes(request), response),
                locale, variables, beanNames(), this::namedBean, beanManager, publicPage ? template : null);
        FastStringWriter html = new FastStringWriter(INITIAL_BUFFER);
        try {
            engine.process(new TemplateSpec(template, null, (TemplateMode) null, null), page, html);
        } finally {
            page.release();
        }
        return html.toString();
    }

    /**
     * Krazo hands view engines a stream that only implements single-byte writes, so a page would
     * cross the whole JAX-RS stream stack once per byte. Its field {@code out} is the JAX-RS entity
     * stream, which takes the page in one call. The view engine API offers no other stream (writing
     * to the servlet response directly would skip the headers JAX-RS has not written yet). If a Krazo
     * release renames the field, the page is still written, only slower; {@code KrazoWorkaroundsTest}
     * fails when Payara brings another Krazo.
     */
    private static OutputStream entityStream(OutputStream given) {
        Field delegate = KRAZO_STREAM_DELEGATE;
        if (delegate != null && delegate.getDeclaringClass().isInstance(given)) {
            try {
                return (OutputStream) delegate.get(given);
            } catch (IllegalAccessException e) {
                return given;
            }
        }
        return given;
    }

    private static final Field KRAZO_STREAM_DELEGATE = krazoStreamDelegate();

    private static Field krazoStreamDelegate() {
        try {
            Field field = Class.forName("org.eclipse.krazo.core.ViewableWriter$DelegatingServletOutputStream")
                    .getDeclaredField("out");
            field.setAccessible(true);
            return field.getType() == OutputStream.class ? field : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The names of the application's named beans (currentMember, dates, assets, mvc, ...), listed once. */
    private Set<String> beanNames() {
        Set<String> names = beanNames;
        if (names == null) {
            names = beanManager.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                    .map(Bean::getName)
                    .filter(name -> name != null)
                    .collect(Collectors.toUnmodifiableSet());
            beanNames = names;
        }
        return names;
    }

    /** The bean CDI resolves for a name, as Expression Language would find it; resolved once per name. */
    private Optional<Bean<?>> namedBean(String name) {
        return beansByName.computeIfAbsent(name, unused -> {
            try {
                return Optional.ofNullable(beanManager.resolve(beanManager.getBeans(name)));
            } catch (AmbiguousResolutionException ambiguous) {
                return Optional.empty();
            }
        });
    }
}
