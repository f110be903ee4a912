package org.disclosureguard.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The directions of the code, checked on the classes of all three modules (this module's test classpath has them).
 * The module boundaries themselves are enforced by Maven; these rules hold inside and across them.
 */
class ArchitectureTest {

    private static final String[] CORE = {"org.disclosureguard.contract..", "org.disclosureguard.scan..",
            "org.disclosureguard.language..", "org.disclosureguard.policy..", "org.disclosureguard.screen..",
            "org.disclosureguard.audit..", "org.disclosureguard.classify.."};

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
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "com.sun.net.httpserver..", "io.javalin..", "org.eclipse.jetty..",
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
                        "org.disclosureguard.http..", "org.disclosureguard.cli..", "org.disclosureguard.demo..", "org.disclosureguard.embedded..",
                        "org.disclosureguard.endtoend..", "org.disclosureguard.evaluate..", "org.disclosureguard.synthetic..",
                        "org.disclosureguard.verify..", "org.disclosureguard.replay..")
                .because("dependencies point one way: guard-app and guard-tools build on the core, never the reverse");
        rule.check(GUARD);
    }

    @Test
    void theProductionCodeReachesNoTool() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.disclosureguard.pipeline..", "org.disclosureguard.review..",
                        "org.disclosureguard.metrics..", "org.disclosureguard.registry..", "org.disclosureguard.reload..",
                        "org.disclosureguard.app..", "org.disclosureguard.lint..", "org.disclosureguard.http..")
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

    /**
     * No package reaches back to one that reaches it: features (pipeline, review, metrics, registry, reload) depend
     * on the core and on lower features only, the app composes them, and the tools and the command line sit on top.
     */
    @Test
    void thePackagesHaveNoCycles() {
        slices().matching("org.disclosureguard.(*)..").should().beFreeOfCycles().check(GUARD);
    }

    private static final Pattern INLINE_NAME = Pattern.compile("\\borg\\.disclosureguard\\.((?:[a-z][a-z0-9]*\\.)+)([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.(\\w+);");

    /**
     * Dependencies are imports, where a reader (and this class's rules) see them: no project class is named inline by
     * its full name in code, unless another import already takes its simple name (two generated SourceCoordinates).
     * Comments may name classes in full.
     */
    @Test
    void noInlineFullyQualifiedNamesOfProjectClasses() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("guard-core", "guard-app", "guard-tools")) {
            for (String tree : List.of("src/main/java", "src/test/java", "src/bench/java")) {
                Path dir = Path.of(module, tree);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        found.addAll(inlineNames(file));
                    }
                }
            }
        }
        assertEquals(List.of(), found, "import these instead");
    }

    private static List<String> inlineNames(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<String, String> imported = new HashMap<>();
        for (String line : lines) {
            Matcher m = IMPORT.matcher(line);
            if (m.find()) {
                imported.put(m.group(2), m.group(1) + "." + m.group(2));
            }
        }
        List<String> found = new ArrayList<>();
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean comment = inComment || line.startsWith("//") || line.startsWith("*") || line.startsWith("/*");
            if (line.startsWith("/*") && !line.contains("*/")) {
                inComment = true;
            } else if (inComment && line.contains("*/")) {
                inComment = false;
                comment = true;
            }
            if (comment || line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            Matcher m = INLINE_NAME.matcher(line);
            while (m.find()) {
                String fullName = "org.disclosureguard." + m.group(1) + m.group(2);
                String other = imported.get(m.group(2));
                if (other == null || other.equals(fullName)) {
                    found.add(file + ":" + (i + 1) + " " + fullName);
                }
            }
        }
        return found;
    }
}
