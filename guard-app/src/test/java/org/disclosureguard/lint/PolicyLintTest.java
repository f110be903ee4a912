package org.disclosureguard.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lint` catches each kind of error the issue names, and flags widening changes between two policies. */
class PolicyLintTest {
    @TempDir
    Path dir;
    Path schemas;
    String bundledPolicy;

    @BeforeEach
    void copyTheContract() throws IOException {
        schemas = dir.resolve("schemas");
        try (Stream<Path> files = Files.walk(Path.of("schemas"))) {
            for (Path source : files.toList()) {
                Path target = schemas.resolve(Path.of("schemas").relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Policy.BUNDLED_RESOURCE)) {
            bundledPolicy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBundledPolicyAndContractAreClean() {
        LintReport report = PolicyLint.run(null, null, null);
        assertEquals(List.of(), report.findings());
        assertEquals(LintReport.CLEAN, report.exitCode(false));
        assertEquals("disclosure-guard-default", report.policyId());
        assertEquals(List.of(), PolicyLint.run(write("same.yaml", bundledPolicy), schemas, null).findings(),
                "the repository's schemas folder is the bundled contract");
    }

    @Test
    void anUnclassifiedFieldInAReleasedOlderVersionIsAnError() throws IOException {
        edit(schemas.resolve("history/CaseRecordEvent.v1.avsc"),
                "\"disclosure\": \"free-text\",\n      \"doc\": \"Free-text case notes.", "\"doc\": \"Free-text case notes.");
        LintReport report = PolicyLint.run(null, schemas, null);
        assertFinding(report, "classification", "field 'caseNotes' of CaseRecordEvent v1 (history/CaseRecordEvent.v1.avsc) has no 'disclosure' classification");
        assertEquals(LintReport.ERRORS, report.exitCode(true), "errors fail even when widening is signed off");
    }

    @Test
    void aClassificationWithoutAnActionInTheCurrentVersionIsAnError() {
        Path policy = write("p.yaml", bundledPolicy.replace("  incident: {action: pass}\n", ""));
        assertFinding(PolicyLint.run(policy, schemas, null), "classification", "classification 'incident' (field 'incident') has no action");
    }

    @Test
    void anEnforcementFieldNamedLikeATherapyFieldOfAnyVersionIsAnError() throws IOException {
        // v1 classified caseNotes as therapy; the enforcement schema forwards a caseNotes field.
        edit(schemas.resolve("history/CaseRecordEvent.v1.avsc"), "\"disclosure\": \"free-text\",\n      \"doc\": \"Free-text case notes.",
                "\"disclosure\": \"therapy\",\n      \"doc\": \"Free-text case notes.");
        assertFinding(PolicyLint.run(null, schemas, null), "enforcement",
                "enforcement field 'caseNotes' has the name of a 'therapy' field of CaseRecordEvent v1");
    }

    @Test
    void anEnforcementFieldThePolicyDoesNotForwardIsAnError() {
        // identity drops: the enforcement schema's required child fields have nothing to come from.
        Path policy = write("p.yaml", bundledPolicy.replace("  identity: {action: pass}", "  identity: {action: drop, explanation: x}"));
        assertFinding(PolicyLint.run(policy, schemas, null), "enforcement", "enforcement field 'child' is required but the policy does not pass");
        Path therapyForwarded = write("t.yaml", bundledPolicy.replace("neverForward: [therapy, provenance, extension]",
                "neverForward: [provenance, extension]"));
        assertFinding(PolicyLint.run(therapyForwarded, schemas, null), "classification", "neverForward must include 'therapy'");
    }

    @Test
    void aRuleThatDoesNotCompileAgainstTheInputSchemaIsAnError() {
        Path policy = write("p.yaml", bundledPolicy.replace("condition: author.role == 'CLINICIAN'", "condition: author.profession == 'CLINICIAN'"));
        assertFinding(PolicyLint.run(policy, schemas, null), "rule", "rule 'provenance.clinician-author' does not compile: it reads author.profession");
    }

    @Test
    void aRuleThatIsNotABoolByItsTypesIsAnError() {
        Path policy = write("p.yaml", bundledPolicy.replace("condition: author.role == 'CLINICIAN'", "condition: author.role"));
        assertFinding(PolicyLint.run(policy, schemas, null), "rule",
                "rule 'provenance.clinician-author' does not compile: it yields dyn, not bool");
    }

    @Test
    void everyDictionaryEntryWithoutLettersIsReportedAtOnce() {
        Path policy = write("p.yaml", bundledPolicy.replace("[\"therapy\", \"therapies\", ", "[\"!!!\", \"   \", \"therapy\", \"therapies\", "));
        LintReport report = PolicyLint.run(policy, schemas, null);
        assertFinding(report, "dictionary", "\"!!!\" has no letters");
        assertFinding(report, "dictionary", "\"   \" has no letters");
    }

    @Test
    void freeTextThatIsForwardedAsItIsHasNoShapeAndIsReported() {
        LintReport report = PolicyLint.run(write("p.yaml", bundledPolicy.replace("  free-text: {action: scan}", "  free-text: {action: pass}")), schemas, null);
        assertFinding(report, "shape", "forwarded string field 'caseNotes' declares no shape");
    }

    @Test
    void aForwardedStringWithoutAShapeIsReported() throws IOException {
        edit(schemas.resolve("CaseRecordEvent.avsc"), ", \"shape\": \"form-number\"", "");
        assertFinding(PolicyLint.run(null, schemas, null), "shape", "forwarded string field 'formId' declares no shape");
    }

    @Test
    void aYamlTypoIsADocumentError() {
        LintReport report = PolicyLint.run(write("p.yaml", bundledPolicy.replace("neverForward:", "neverForwad:")), schemas, null);
        assertFinding(report, "document", "neverForwad");
        assertEquals(null, report.policyId(), "nothing more can be said of a document that does not parse");
    }

    @Test
    void aSchemaVersionThatCannotReadThePreviousOneIsAnError() throws IOException {
        // v3 adds a required field without a default: it cannot read v2 data.
        String v2 = Files.readString(schemas.resolve("CaseRecordEvent.avsc"));
        Files.writeString(schemas.resolve("CaseRecordEvent.v3.avsc"), v2.replaceFirst("\"fields\": \\[",
                "\"fields\": [{\"name\": \"ward\", \"type\": \"string\", \"disclosure\": \"operational\"},"));
        edit(schemas.resolve("catalog.yaml"), "    - CaseRecordEvent.avsc\n", "    - CaseRecordEvent.avsc\n    - CaseRecordEvent.v3.avsc\n");
        LintReport report = PolicyLint.run(null, schemas, null);
        assertFinding(report, "compatibility", "CaseRecordEvent v3 (CaseRecordEvent.v3.avsc) cannot read data written with v2");
        assertFinding(report, "compatibility", "cannot read data written with v1");
        assertFinding(report, "compatibility", "ward");
    }

    @Test
    void aBrokenSchemaFolderIsReportedNotThrown() throws IOException {
        Files.writeString(schemas.resolve("EnforcementCaseEvent.avsc"), "{not json");
        assertFinding(PolicyLint.run(null, schemas, null), "schemas", "cannot load the contract schemas");
    }

    @Test
    void wideningChangesAreFlaggedAndNeedSignOff() {
        Path old = write("old.yaml", bundledPolicy);
        String widened = bundledPolicy
                .replace("version: \"2026.12.26\"", "version: \"2026.12.3\"")
                .replace("  extension:\n    action: drop\n", "  extension:\n    action: scan\n")
                .replace("neverForward: [therapy, provenance, extension]", "neverForward: [therapy, provenance]")
                .replace("\"counselor*\", ", "")
                .replace("first:\n            [\"session\",", "first:\n            [")
                .replace("[\"physical therapy\", \"physical therapist\",", "[\"art therapy\", \"physical therapy\", \"physical therapist\",")
                .replace("condition: author.role == 'CLINICIAN'", "condition: author.role == 'CLINICIAN' && false");
        LintReport report = PolicyLint.run(write("new.yaml", widened), schemas, old);
        assertEquals(0, report.errors(), report.toText());
        assertFinding(report, "widening", "classification 'extension' changed from drop to scan (fields attributes)");
        assertFinding(report, "widening", "classification 'extension' was removed from neverForward");
        assertFinding(report, "widening", "dictionary term 'counselor*' was removed");
        assertFinding(report, "widening", "dictionary exclusion 'art therapy' was added");
        assertFinding(report, "widening", "dictionary pair en#0 first: session was removed");
        assertFinding(report, "widening", "rule 'provenance.clinician-author' has a new condition");
        assertEquals(6, report.widenings(), report.toText());
        assertEquals(LintReport.NEEDS_SIGN_OFF, report.exitCode(false));
        assertEquals(LintReport.CLEAN, report.exitCode(true));

        String ruleRemoved = bundledPolicy.replace("version: \"2026.12.26\"", "version: \"2026.12.28\"")
                .replaceFirst("(?s)  - id: provenance.clinician-author.*?(?=  - id: )", "");
        assertFinding(PolicyLint.run(write("r.yaml", ruleRemoved), schemas, old), "widening", "rule 'provenance.clinician-author' was removed");
    }

    @Test
    void aContextGroupWidensByANewContextOrAMissingUnless() {
        Path old = write("old.yaml", bundledPolicy);
        String next = bundledPolicy.replace("version: \"2026.12.26\"", "version: \"2026.12.27\"");
        LintReport moreContext = PolicyLint.run(write("c.yaml", next.replace("\"fracture*\", \"fractured\",", "\"fracture*\", \"fractured\", \"grief\",")), schemas, old);
        assertFinding(moreContext, "widening", "dictionary context en#0 context: grief was added");
        LintReport lessUnless = PolicyLint.run(write("u.yaml", next.replace("[\"disclos*\", \"reveal*\",", "[\"reveal*\",")), schemas, old);
        assertFinding(lessUnless, "widening", "dictionary context en#0 unless: disclos* was removed");
        // Removing a context cue or adding an unless cue only holds more: no sign-off.
        LintReport narrower = PolicyLint.run(write("n.yaml", next.replace("\"fracture*\", \"fractured\",", "\"fractured\",")
                .replace("[\"disclos*\", \"reveal*\",", "[\"disclos*\", \"grief\", \"reveal*\",")), schemas, old);
        assertEquals(0, narrower.widenings(), narrower.toText());
    }

    @Test
    void theClassifierWidensWhenRemovedRaisedOrRetrained() {
        Path old = write("old.yaml", bundledPolicy);
        String next = bundledPolicy.replace("version: \"2026.12.26\"", "version: \"2026.12.27\"");
        assertFinding(PolicyLint.run(write("r.yaml", next.replaceFirst("(?s)  classifier:\n.*?(?=\n# Shapes of forwarded)", "")),
                schemas, old), "widening", "the classifier was removed");
        assertFinding(PolicyLint.run(write("t.yaml", next.replaceFirst("    threshold: [0-9.]+\n", "    threshold: 30.0\n")),
                schemas, old), "widening", "the classifier's threshold was raised from");
        String otherModel = bundledPolicy.replaceFirst("modelSha256: [0-9a-f]+", "modelSha256: " + "0".repeat(64));
        assertFinding(PolicyLint.run(write("m.yaml", next), schemas, write("old-model.yaml", otherModel)), "widening",
                "the classifier's model changed");
        LintReport lower = PolicyLint.run(write("l.yaml", next.replaceFirst("    threshold: [0-9.]+\n", "    threshold: 8.0\n")),
                schemas, old);
        assertEquals(0, lower.widenings(), "a lower threshold only holds more: " + lower.toText());
    }

    @Test
    void narrowingChangesNeedNoSignOffButAChangeNeedsANewVersion() {
        Path old = write("old.yaml", bundledPolicy);
        String narrowed = bundledPolicy.replace("[\"therapy\", \"therapies\", ", "[\"therapy\", \"pottery therapy group\", \"therapies\", ")
                .replace("[\"physical therapy\", \"physical therapist\",", "[\"physical therapist\",");
        LintReport sameVersion = PolicyLint.run(write("n.yaml", narrowed), schemas, old);
        assertEquals(0, sameVersion.widenings(), sameVersion.toText());
        assertFinding(sameVersion, "version", "the policy changed but its version is still '2026.12.26'");

        LintReport newVersion = PolicyLint.run(write("v.yaml", narrowed.replace("version: \"2026.12.26\"", "version: \"2026.12.3\"")), schemas, old);
        assertEquals(List.of(), newVersion.findings());
        assertEquals(LintReport.CLEAN, newVersion.exitCode(false));
    }

    @Test
    void jsonOutputCarriesEveryFindingWithItsCheck() throws IOException {
        Path policy = write("p.yaml", bundledPolicy.replace("condition: author.role == 'CLINICIAN'", "condition: author.role =="));
        JsonNode json = new ObjectMapper().readTree(PolicyLint.run(policy, schemas, null).toJson());
        assertEquals(1, json.get("errors").asInt());
        assertEquals("ERROR", json.get("findings").get(0).get("severity").asText());
        assertEquals("rule", json.get("findings").get(0).get("check").asText());
        assertEquals("disclosure-guard-default", json.get("policyId").asText());
    }

    private static void assertFinding(LintReport report, String check, String fragment) {
        assertTrue(report.findings().stream().anyMatch(f -> f.check().equals(check) && f.message().contains(fragment)),
                "expected a '" + check + "' finding containing \"" + fragment + "\" in:\n" + report.toText());
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "test set-up: " + file + " should contain " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
