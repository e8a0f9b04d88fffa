package dev.repairscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of DESIGN.md, held from day one. */
class LayerRulesTest {
    private static final String[] CORE = {"dev.repairscope.sim..", "dev.repairscope.net..", "dev.repairscope.cluster..",
            "dev.repairscope.repair..", "dev.repairscope.check.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // not ImportOption.DO_NOT_INCLUDE_TESTS: it knows only target/test-classes, and builds may use -Dbuild.dir
        classes = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("dev.repairscope");
    }

    @Test
    void onlyTheUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.repairscope.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyScenarioAndCliUseJackson() {
        noClasses().that().resideOutsideOfPackages("dev.repairscope.scenario..", "dev.repairscope.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void theCoreNeverReadsTheWallClock() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .check(classes);
    }

    @Test
    void theCoreNeverUsesUnseededRandomness() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.util.SplittableRandom.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .check(classes);
    }

    @Test
    void theCoreStartsNoThreads() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .check(classes);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("dev.repairscope.sim..", "dev.repairscope.net..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.repairscope.cluster..", "dev.repairscope.repair..",
                        "dev.repairscope.check..", "dev.repairscope.scenario..", "dev.repairscope.cli..", "dev.repairscope.ui..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.repairscope.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.repairscope.repair..", "dev.repairscope.check..",
                        "dev.repairscope.scenario..", "dev.repairscope.cli..", "dev.repairscope.ui..")
                .check(classes);
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.repairscope.scenario..", "dev.repairscope.cli..",
                        "dev.repairscope.ui..")
                .check(classes);
    }
}
