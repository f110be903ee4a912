package org.disclosureguard.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void ruleThatOnlyMightBeABooleanRefusesThePolicyWithEveryProblemOfEveryRule() throws IOException {
        String yaml = bundledText()
                .replace("condition: author.role == 'CLINICIAN'", "condition: author.role")
                .replace("condition: eventType == 'COUNSELING_SESSION'", "condition: author.nosuch");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("rule 'provenance.clinician-author'") && p.contains("not bool")),
                e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("rule 'event.counseling-session'") && p.contains("author.nosuch")),
                e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("rule 'event.counseling-session'") && p.contains("not bool")),
                "two problems of one rule are both reported: " + e.getMessage());
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
    void aDictionaryEntryWithoutLettersIsRefused() throws IOException {
        String yaml = bundledText().replace("[\"therapy\", \"therapies\", ", "[\"!!!\", \"therapy\", \"therapies\", ");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.getMessage().contains("\"!!!\" has no letters"), e.getMessage());
    }

    @Test
    void aTermGroupWithoutAReasonIsRefused() throws IOException {
        String yaml = bundledText().replaceFirst("(?s)(      terms:\n        - reason: )>-\n.*?(\n          entries:)", "$1\"\"$2");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.getMessage().contains("has no reason"), e.getMessage());
    }

    @Test
    void aPairGroupNeedsAReasonAndCuesOnBothSides() throws IOException {
        String noReason = bundledText().replaceFirst("(?s)(      pairs:\n        - reason: )>-\n.*?(\n          first:)", "$1\"\"$2");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(noReason));
        assertTrue(e.getMessage().contains("contentScan.languages[en].pairs group #0 has no reason"), e.getMessage());
        String oneSided = bundledText().replaceFirst("(?s)(      pairs:\n.*?\n          second:\n            )\\[.*?\\]\n", "$1[]\n");
        PolicyException sides = assertThrows(PolicyException.class, () -> compile(oneSided));
        assertTrue(sides.getMessage().contains("contentScan.languages[en].pairs group #0 needs cues on both sides"), sides.getMessage());
        String badCue = bundledText().replace("first:\n            [\"session\",", "first:\n            [\"(session\",");
        PolicyException syntax = assertThrows(PolicyException.class, () -> compile(badCue));
        assertTrue(syntax.getMessage().contains("pair cue"), syntax.getMessage());
    }

    @Test
    void aContextGroupNeedsItsUnlessCues() throws IOException {
        String noUnless = bundledText().replaceFirst("(?s)(      contexts:\n.*?\n          unless:\n            )\\[.*?\\]\n", "$1[]\n");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(noUnless));
        assertTrue(e.getMessage().contains("contentScan.languages[en].contexts group #0 needs heads, context and unless cues"), e.getMessage());
    }

    @Test
    void everyHoldReasonNeedsAnExplanationAndALegalBasis() throws IOException {
        String yaml = bundledText().replaceFirst("(?s)    opaque:\n      ruleId: content.opaque\n.*?(?=    language-not-covered:)", "");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.getMessage().contains("contentScan.holdReasons.opaque is missing"), e.getMessage());
    }

    @Test
    void theClassifierNeedsItsReasonAndASensibleThreshold() throws IOException {
        PolicyException noThreshold = assertThrows(PolicyException.class, () -> compile(
                bundledText().replaceFirst("    threshold: [0-9.]+\n", "")));
        assertTrue(noThreshold.getMessage().contains("contentScan.classifier.threshold is missing"), noThreshold.getMessage());
        PolicyException typo = assertThrows(PolicyException.class, () -> compile(
                bundledText().replaceFirst("    threshold: [0-9.]+\n", "    threshold: 0.9\n")));
        assertTrue(typo.getMessage().contains("contentScan.classifier.threshold 0.9 is below 1.0"), typo.getMessage());
        PolicyException noReason = assertThrows(PolicyException.class, () -> compile(
                bundledText().replace("    ruleId: content.reads-like-therapy\n", "")));
        assertTrue(noReason.getMessage().contains("contentScan.classifier needs a ruleId, an explanation and a legalBasis"),
                noReason.getMessage());
        PolicyException otherModel = assertThrows(PolicyException.class, () -> compile(
                bundledText().replaceFirst("modelSha256: [0-9a-f]+", "modelSha256: " + "0".repeat(64))));
        assertTrue(otherModel.getMessage().contains("contentScan.classifier.modelSha256 is 000"), otherModel.getMessage());
        assertTrue(otherModel.getMessage().contains("but the built-in model's is " + Policy.bundled().classifier().model().sha256()),
                otherModel.getMessage());
        Policy without = compile(bundledText().replaceFirst("(?s)  classifier:\n.*?(?=\n# Shapes of forwarded)", ""));
        assertNull(without.classifier(), "the classifier is optional");
        assertNotNull(Policy.bundled().classifier());
    }

    @Test
    void aShapeTheSchemaNamesMustBeDefinedAndCompile() throws IOException {
        PolicyException missing = assertThrows(PolicyException.class, () -> compile(
                bundledText().replace("    form-number:\n", "    form-numbers:\n")));
        assertTrue(missing.getMessage().contains("field 'formId' has shape 'form-number', which the policy's fieldShapes does not define"),
                missing.getMessage());
        PolicyException broken = assertThrows(PolicyException.class, () -> compile(
                bundledText().replace("pattern: \"[A-Z]{1,3}-?[0-9]{1,3}[A-Z]?\"", "pattern: \"[A-Z\"")));
        assertTrue(broken.getMessage().contains("fieldShapes.shapes.form-number.pattern does not compile"), broken.getMessage());
    }

    @Test
    void aCoveredLanguageNeedsMarkersToBeRecognized() throws IOException {
        String yaml = bundledText().replaceFirst("(?s)(    - code: ht\n      name: [^\n]*\n      markers:\n).*?(?=\n      terms:)", "$1        [mwen, li]");
        PolicyException e = assertThrows(PolicyException.class, () -> compile(yaml));
        assertTrue(e.getMessage().contains("contentScan.languages[ht] needs at least 10 marker words"), e.getMessage());
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
