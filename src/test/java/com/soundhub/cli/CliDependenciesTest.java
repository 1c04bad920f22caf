package com.soundhub.cli;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line client runs with nothing but a JDK and the JSON-P classes packed into its jar:
 * it must not reach for the WAR's classes or libraries, which its compile class path does show it.
 */
class CliDependenciesTest {

    /** The classes that go into the client's jar, as the build compiled them for it. */
    private static final JavaClasses CLI = new ClassFileImporter()
            .importPath(Path.of("target", "cli-classes"));

    @Test
    void usesOnlyTheJdkAndJsonP() {
        assertThat(CLI).isNotEmpty();
        noClasses()
                .should().dependOnClassesThat().resideOutsideOfPackages("com.soundhub.cli..", "java..", "javax.net..",
                        "jakarta.json..", "com.soundhub.projects.contents")
                .check(CLI);
    }

    @Test
    void holdsNothingOfTheSiteButItsContentHash() {
        assertThat(CLI.stream().map(JavaClass::getName).filter(name -> !name.startsWith("com.soundhub.cli.")))
                .containsExactly("com.soundhub.projects.contents.ContentHash");
    }
}
