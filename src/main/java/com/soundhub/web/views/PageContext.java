package com.soundhub.web.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.soundhub.web.SameForEveryViewer;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.LazyContextVariable;
import org.thymeleaf.web.IWebExchange;

/**
 * What a template can see: the controller's models, and the named CDI beans, each looked up on
 * first use and kept for the rest of the page. On a public page only the beans marked
 * {@link SameForEveryViewer} are there; asking for another is a mistake in the template, and fails
 * the page rather than showing one viewer's data to all.
 */
final class PageContext implements IWebContext {

    private final IWebExchange exchange;
    private final Locale locale;
    private final Map<String, Object> variables;
    private final Set<String> beanNames;
    private final Function<String, Optional<Bean<?>>> namedBean;
    private final BeanManager beanManager;
    private final Map<String, Object> resolved = new HashMap<>();
    private Set<String> variableNames;
    private final List<CreationalContext<?>> creationalContexts = new ArrayList<>(4);
    /** The template of the public page being rendered, or null for a page rendered for its viewer. */
    private final String publicTemplate;

    PageContext(IWebExchange exchange, Locale locale, Map<String, Object> variables, Set<String> beanNames,
                Function<String, Optional<Bean<?>>> namedBean, BeanManager beanManager, String publicTemplate) {
        this.exchange = exchange;
        this.locale = locale;
        this.variables = variables;
        this.beanNames = beanNames;
        this.namedBean = namedBean;
        this.beanManager = beanManager;
        this.publicTemplate = publicTemplate;
    }

    @Override
    public IWebExchange getExchange() {
        return exchange;
    }

    @Override
    public Locale getLocale() {
        return locale;
    }

    @Override
    public boolean containsVariable(String name) {
        return variables.containsKey(name) || beanNames.contains(name);
    }

    @Override
    public Set<String> getVariableNames() {
        if (variableNames == null) {
            variableNames = new HashSet<>(variables.keySet());
            variableNames.addAll(beanNames);
        }
        return variableNames;
    }

    @Override
    public Object getVariable(String name) {
        if (variables.containsKey(name)) {
            return variables.get(name);
        }
        if (!beanNames.contains(name)) {
            return null;
        }
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        // Lazily, as Krazo does: Thymeleaf asks for names such as "session" that no page uses.
        Object reference = namedBean.apply(name).map(bean -> new LazyContextVariable<Object>() {
            @Override
            protected Object loadValue() {
                if (publicTemplate != null && !bean.getBeanClass().isAnnotationPresent(SameForEveryViewer.class)) {
                    throw new ViewerOnPublicPage(publicTemplate, name);
                }
                return reference(bean);
            }
        }).orElse(null);
        resolved.put(name, reference);
        return reference;
    }

    /** A public page's template used a bean that may differ between viewers. */
    static final class ViewerOnPublicPage extends IllegalStateException {
        ViewerOnPublicPage(String template, String bean) {
            super("The public page " + template + " uses '" + bean + "', which may differ between viewers: "
                    + "public pages are the same for everyone, so show it in the page's viewer part "
                    + "(fragments/viewer.html) or mark the bean @SameForEveryViewer if it really is the same for all");
        }
    }

    private Object reference(Bean<?> bean) {
        CreationalContext<?> creationalContext = beanManager.createCreationalContext(bean);
        creationalContexts.add(creationalContext);
        return beanManager.getReference(bean, bean.getBeanClass(), creationalContext);
    }

    /** Dependent beans made for this page end with it. */
    void release() {
        creationalContexts.forEach(CreationalContext::release);
    }
}
