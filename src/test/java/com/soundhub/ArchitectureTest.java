package com.soundhub;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages stand on each other and never in a circle: {@code platform} at the bottom, then the
 * infrastructure ({@code media}, {@code jobs}, {@code storage}, {@code taxonomy}), then {@code web},
 * then the features. A feature's repository is its own: other features use its service.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.soundhub");

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("com.soundhub.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void platformIsTheGroundFloor() {
        noClasses().that().resideInAPackage("com.soundhub.platform..")
                .should().dependOnClassesThat().resideOutsideOfPackages("com.soundhub.platform..", "java..", "javax..",
                        "jakarta..", "org..", "com.github..", "io..")
                .check(MAIN);
    }

    @Test
    void infrastructureKnowsNoFeature() {
        noClasses().that().resideInAnyPackage("com.soundhub.media..", "com.soundhub.jobs..", "com.soundhub.storage..",
                        "com.soundhub.taxonomy..")
                .should().dependOnClassesThat().resideInAnyPackage("com.soundhub.web..", "com.soundhub.accounts..",
                        "com.soundhub.recordings..", "com.soundhub.uploads..", "com.soundhub.generator..",
                        "com.soundhub.catalogue..", "com.soundhub.comments..", "com.soundhub.likes..")
                .check(MAIN);
    }

    @Test
    void webKnowsNoFeature() {
        noClasses().that().resideInAPackage("com.soundhub.web..")
                .should().dependOnClassesThat().resideOutsideOfPackages("com.soundhub.web..", "com.soundhub.platform..",
                        "com.soundhub.jobs..", "java..", "javax..", "jakarta..", "org..", "com.github..", "io..")
                .check(MAIN);
    }

    @Test
    void servicesSpeakInTheirOwnTermsNotHttp() {
        noClasses().that().haveSimpleNameEndingWith("Service").and().resideInAPackage("com.soundhub..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .because("services throw NotFound, NotAllowed or RuleViolation; the web layer maps them to HTTP")
                .check(MAIN);
    }

    @Test
    void aRepositoryIsUsedOnlyByItsOwnFeature() {
        classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage("com.soundhub..")
                .should(beUsedOnlyInTheirOwnPackage())
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only by classes of their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                repository.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(repository.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getOriginClass().getName() + " uses " + repository.getName()
                                        + ": use that feature's service")));
            }
        };
    }
}
