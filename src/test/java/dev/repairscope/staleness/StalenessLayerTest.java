package dev.repairscope.staleness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The staleness lab is core code: DESIGN.md's rules for the core hold for it too. */
class StalenessLayerTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // not only target/test-classes: builds may use another output folder (-Dbuild.dir=...)
        ImportOption mainOnly = location -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(mainOnly).importPackages("dev.repairscope.staleness");
    }

    @Test
    void usesNeitherJavaFxNorJacksonNorTheOuterLayers() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml.jackson..",
                "dev.repairscope.ui..", "dev.repairscope.cli..", "dev.repairscope.scenario..").check(classes);
    }

    @Test
    void neverReadsTheWallClockNorUnseededRandomnessNorStartsThreads() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.util.SplittableRandom.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .check(classes);
    }
}
