package com.soundhub.web.views;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page renderer leans on three details of the Krazo that Payara Micro bundles, because Krazo
 * offers no public way to do the same (see {@link PageRenderer#entityStream}, {@link ServiceLookupsOnce}
 * and {@link OncePerApplication}). This test reads the Krazo inside the very Payara Micro the build
 * runs, and fails when an upgrade brings another one: then check each of the three, and measure a
 * page again, before moving the version here.
 */
class KrazoWorkaroundsTest {

    /** The Krazo the workarounds were written for and measured with. */
    static final String VERIFIED_KRAZO = "3.0.1";

    @TempDir
    static Path folder;

    static Path krazo;

    @BeforeAll
    static void extractKrazoFromPayara() throws IOException {
        Path payara = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        assertThat(payara).as("Payara Micro, copied next to the build by Maven").exists();
        try (ZipFile jar = new ZipFile(payara.toFile());
             InputStream nested = jar.getInputStream(jar.getEntry("MICRO-INF/runtime/krazo-core.jar"))) {
            krazo = folder.resolve("krazo-core.jar");
            Files.copy(nested, krazo);
        }
    }

    @Test
    void payaraBundlesTheKrazoTheWorkaroundsWereWrittenFor() throws IOException {
        Properties pom = new Properties();
        try (ZipFile jar = new ZipFile(krazo.toFile());
             InputStream in = jar.getInputStream(jar.getEntry("META-INF/maven/org.eclipse.krazo/krazo-core/pom.properties"))) {
            pom.load(in);
        }
        assertThat(pom.getProperty("version"))
                .as("Krazo in Payara Micro changed: check PageRenderer.entityStream, ServiceLookupsOnce and "
                        + "OncePerApplication against it, measure a page, then update VERIFIED_KRAZO")
                .isEqualTo(VERIFIED_KRAZO);
    }

    @Test
    void theStreamKrazoHandsViewEnginesStillWrapsTheEntityStream() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{krazo.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> stream = Class.forName("org.eclipse.krazo.core.ViewableWriter$DelegatingServletOutputStream", false, loader);
            Field out = stream.getDeclaredField("out");
            assertThat(out.getType()).isEqualTo(OutputStream.class);
            // Only single bytes are passed on, which is why the renderer writes to the entity stream itself.
            assertThat(stream.getDeclaredMethods()).extracting(method -> method.getName() + method.getParameterCount())
                    .contains("write1").doesNotContain("write3");
        }
    }

    @Test
    void theFormMethodFilterIsStillRequestScopedAndKeepsNoState() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{krazo.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> filter = Class.forName("org.eclipse.krazo.forms.FormMethodOverwriteFilter", false, loader);
            assertThat(filter.getAnnotations()).extracting(annotation -> annotation.annotationType().getSimpleName())
                    .contains("RequestScoped");
            // Made application-wide by OncePerApplication, it must hold nothing of a request: its
            // form reader (made once, in its constructor) and Krazo's configuration.
            assertThat(filter.getDeclaredFields())
                    .filteredOn(field -> !Modifier.isStatic(field.getModifiers()))
                    .extracting(Field::getName)
                    .containsExactlyInAnyOrder("formEntityProvider", "krazoConfig");
        }
    }
}
