package org.disclosureguard.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.disclosureguard.contract.SchemaCatalog;
import org.junit.jupiter.api.Test;

class PolicyTest {
    private static String bundledText() throws IOException {
        try (InputStream in = PolicyTest.class.getClassLoader().getResourceAsStream(Policy.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Policy compile(String yaml) {
        PolicyDocument doc = Policy.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
        return Policy.compile(doc, SchemaCatalog.bundled(), "test");
    }

    @Test
    void bundledPolicyLoadsWithItsRulesAndChecks() {
        Policy policy = Policy.bundled();
        assertEquals("disclosure-guard-default", policy.id());
        assertTrue(policy.rules().size() >= 4);
        assertEquals(Action.DROP, policy.fieldPlan().effectiveAction("counseling"));
        assertEquals(Action.DROP, policy.fieldPlan().effectiveAction("counseling.sessionNotes"), "a dropped parent decides for its children");
        assertEquals(Action.SCAN, policy.fieldPlan().effectiveAction("caseNotes"));
        assertEquals(Action.SCAN, policy.fieldPlan().effectiveAction("incident.summary"));
        assertEquals(Action.PASS, policy.fieldPlan().effectiveAction("child.firstName"));
    }

    @Test
    void ruleThatDoesNotCompileRefusesThePolicy() throws IOException {
        String yaml = bundledText().replace("condition: author.role == 'CLINICIAN'", "condition: author.role ==");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.getMessage().contains("provenance.clinician-author"), e.getMessage());
    }

    @Test
    void ruleOverAnUnknownFieldRefusesThePolicy() throws IOException {
        String yaml = bundledText().replace("condition: eventType == 'COUNSELING_SESSION'", "condition: evenType == 'COUNSELING_SESSION'");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.getMessage().contains("undeclared reference to 'evenType'"), e.getMessage());
    }

    @Test
    void ruleThatIsNotABooleanRefusesThePolicy() throws IOException {
        String yaml = bundledText().replace("condition: eventType == 'COUNSELING_SESSION'", "condition: eventType");
        assertThrows(PolicyException.class, () -> compile(yaml));
    }

    @Test
    void classificationWithoutAnActionRefusesThePolicy() throws IOException {
        String yaml = bundledText().replace("  incident: {action: pass}\n", "");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("classification 'incident'")), e.getMessage());
    }

    @Test
    void passingTherapyIsRefusedBecauseTheEnforcementSchemaCannotTakeIt() throws IOException {
        String yaml = bundledText().replace("neverForward: [therapy, provenance, extension]", "neverForward: [provenance]");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.getMessage().contains("neverForward must include 'therapy'"), e.getMessage());
    }

    @Test
    void droppingAFieldTheEnforcementSchemaRequiresIsRefused() throws IOException {
        String yaml = bundledText().replace("  identity: {action: pass}", "  identity: {action: drop, explanation: x}");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.getMessage().contains("enforcement field 'child' is required"), e.getMessage());
    }

    @Test
    void unknownKeysAndActionsAreRefusedNotIgnored() throws IOException {
        assertThrows(PolicyException.class, () -> compile(bundledText().replace("description:", "descripton:")));
        PolicyException e = assertThrows(PolicyException.class,
                () -> compile(bundledText().replace("free-text: {action: scan}", "free-text: {action: allow}")));
        assertTrue(e.getMessage().contains("unknown action 'allow'"), e.getMessage());
    }

    @Test
    void emptyDictionaryTermIsRefused() throws IOException {
        String yaml = bundledText().replaceFirst("terms:\n", "terms:\n    - \"!!!\"\n");
        assertThrows(PolicyException.class, () -> compile(yaml));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        String yaml = bundledText()
                .replace("condition: author.role == 'CLINICIAN'", "condition: author.role ==")
                .replace("  incident: {action: pass}\n", "");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.problems().size() >= 2, e.getMessage());
    }
}
