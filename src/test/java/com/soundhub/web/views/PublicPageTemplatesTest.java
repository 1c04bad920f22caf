package com.soundhub.web.views;

import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.soundhub.web.SameForEveryViewer;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Public pages are the same for everyone: a template that shows something of its viewer there
 * fails, whoever wrote it, instead of putting one member's data in the copy everyone gets.
 */
class PublicPageTemplatesTest {

    /** What the current member bean shows: someone in particular. */
    public static final class Viewer {
        public String getNickname() {
            return "mina";
        }
    }

    /** A bean declared the same for everyone. */
    @SameForEveryViewer
    public static final class Labels {
        public String getSite() {
            return "SoundHub";
        }
    }

    private final TemplateEngine engine = new TemplateEngine();

    PublicPageTemplatesTest() {
        StringTemplateResolver templates = new StringTemplateResolver();
        templates.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(templates);
    }

    @Test
    void aPublicPageThatShowsItsViewerFails() {
        assertThatThrownBy(() -> render("<p th:text=\"${currentMember.nickname}\">name</p>", true))
                .rootCause()
                .isInstanceOf(PageContext.ViewerOnPublicPage.class)
                .hasMessageContaining("'currentMember'");
    }

    @Test
    void aViewerPartHiddenInAConditionFailsToo() {
        assertThatThrownBy(() -> render("<a th:if=\"${currentMember.nickname != null}\">Sign out</a>", true))
                .rootCause()
                .isInstanceOf(PageContext.ViewerOnPublicPage.class);
    }

    @Test
    void beansDeclaredTheSameForEveryViewerMayBeUsed() {
        assertThat(render("<p th:text=\"${labels.site}\">site</p>", true)).isEqualTo("<p>SoundHub</p>");
    }

    @Test
    void aPageRenderedForItsViewerMayShowThem() {
        assertThat(render("<p th:text=\"${currentMember.nickname}\">name</p>", false)).isEqualTo("<p>mina</p>");
    }

    private String render(String template, boolean publicPage) {
        Map<String, Object> instances = Map.of("currentMember", new Viewer(), "labels", new Labels());
        Map<String, Bean<?>> beans = new HashMap<>();
        instances.forEach((name, instance) -> beans.put(name, bean(instance.getClass())));
        ServletContext servletContext = fake(ServletContext.class, null);
        PageContext context = new PageContext(
                JakartaServletWebApplication.buildApplication(servletContext)
                        .buildExchange(new PageScopedAttributes(fake(HttpServletRequest.class, servletContext)),
                                fake(HttpServletResponse.class, null)),
                Locale.ENGLISH, new HashMap<>(), Set.copyOf(instances.keySet()),
                name -> Optional.ofNullable(beans.get(name)), beanManager(instances), publicPage ? "page" : null);
        StringWriter html = new StringWriter();
        engine.process(new TemplateSpec(template, TemplateMode.HTML), context, html);
        return html.toString();
    }

    /** A servlet object that answers every question with nothing: these templates ask it for nothing that matters. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, ServletContext servletContext) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, arguments) -> {
            Class<?> returns = method.getReturnType();
            if (returns == boolean.class) {
                return false;
            }
            if (returns == int.class || returns == long.class) {
                return returns == int.class ? (Object) 0 : (Object) 0L;
            }
            if (method.getName().equals("getCharacterEncoding")) {
                return "UTF-8";
            }
            if (method.getName().equals("getContextPath")) {
                return "";
            }
            if (method.getName().equals("getServletContext")) {
                return servletContext;
            }
            return null;
        });
    }

    private static Bean<?> bean(Class<?> beanClass) {
        return (Bean<?>) Proxy.newProxyInstance(Bean.class.getClassLoader(), new Class<?>[]{Bean.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getBeanClass" -> beanClass;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> null;
                });
    }

    private static BeanManager beanManager(Map<String, Object> instances) {
        return (BeanManager) Proxy.newProxyInstance(BeanManager.class.getClassLoader(), new Class<?>[]{BeanManager.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "createCreationalContext" -> fake(CreationalContext.class, null);
                    case "getReference" -> instances.values().stream()
                            .filter(instance -> instance.getClass() == ((Bean<?>) arguments[0]).getBeanClass())
                            .findFirst().orElseThrow();
                    default -> null;
                });
    }
}
