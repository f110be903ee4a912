package org.disclosureguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The directions of the code, checked on the classes of all three modules (this module's test classpath has them).
 * The module boundaries themselves are enforced by Maven; these rules hold inside and across them.
 */
class ArchitectureTest {

    private static final String[] CORE = {"org.disclosureguard.contract..", "org.disclosureguard.scan..",
            "org.disclosureguard.language..", "org.disclosureguard.policy..", "org.disclosureguard.screen..",
            "org.disclosureguard.audit.."};

    /**
     * Production classes only: test classes come as target/test-classes directories or, from the modules below, as
     * their test-jars (ArchUnit's own DO_NOT_INCLUDE_TESTS knows only the directories).
     */
    private static final ImportOption PRODUCTION = location -> !location.contains("/test-classes/")
            && !location.matches(Pattern.compile(".*-tests\\.jar.*"));

    private static final JavaClasses GUARD = new ClassFileImporter()
            .withImportOption(PRODUCTION)
            .importPackages("org.disclosureguard");

    @Test
    void theCoreReachesNoKafkaHttpOrCommandLine() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "com.sun.net.httpserver..",
                        "picocli..", "io.micrometer..")
                .because("the screening core is a pure function of record and policy (guard-core)");
        rule.check(GUARD);
    }

    @Test
    void theCoreReachesNoOtherPackageOfTheGuard() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.disclosureguard.pipeline..",
                        "org.disclosureguard.review..", "org.disclosureguard.metrics..", "org.disclosureguard.registry..",
                        "org.disclosureguard.reload..", "org.disclosureguard.app..", "org.disclosureguard.lint..",
                        "org.disclosureguard.cli..", "org.disclosureguard.demo..", "org.disclosureguard.embedded..",
                        "org.disclosureguard.endtoend..", "org.disclosureguard.evaluate..", "org.disclosureguard.synthetic..",
                        "org.disclosureguard.verify..", "org.disclosureguard.replay..")
                .because("dependencies point one way: guard-app and guard-tools build on the core, never the reverse");
        rule.check(GUARD);
    }

    @Test
    void theProductionCodeReachesNoTool() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.disclosureguard.pipeline..", "org.disclosureguard.review..",
                        "org.disclosureguard.metrics..", "org.disclosureguard.registry..", "org.disclosureguard.reload..",
                        "org.disclosureguard.app..", "org.disclosureguard.lint..")
                .should().dependOnClassesThat().resideInAnyPackage("org.disclosureguard.demo..", "org.disclosureguard.embedded..",
                        "org.disclosureguard.endtoend..", "org.disclosureguard.evaluate..", "org.disclosureguard.synthetic..",
                        "org.disclosureguard.verify..", "org.disclosureguard.replay..", "org.apache.kafka.streams.TopologyTestDriver",
                        "kafka..", "org.apache.kafka.server..", "scala..")
                .because("guard-app is what production runs: no broker, no test driver, no tool");
        rule.check(GUARD);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("org.disclosureguard.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(GUARD);
    }

    @Test
    void theCorePackagesHaveNoCycles() {
        JavaClasses core = new ClassFileImporter().withImportOption(PRODUCTION)
                .importPackages("org.disclosureguard.contract", "org.disclosureguard.scan", "org.disclosureguard.language",
                        "org.disclosureguard.policy", "org.disclosureguard.screen", "org.disclosureguard.audit");
        slices().matching("org.disclosureguard.(*)..").should().beFreeOfCycles().check(core);
    }

    /**
     * The package cycles of guard-app (pipeline and review, app and review, ...) are recorded in
     * src/test/resources/archunit_store: a new cycle fails this test, and breaking a recorded one shrinks the store.
     */
    @Test
    void noNewPackageCycles() {
        FreezingArchRule.freeze(slices().matching("org.disclosureguard.(*)..").should().beFreeOfCycles())
                .check(GUARD);
    }
}
