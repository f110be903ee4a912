package org.disclosureguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static List<ScreeningDecision> trail;

    /** A real audit trail from the topology: 40 generated records and two poison pills. */
    @BeforeAll
    static void screenSomeRecords() {
        try (GuardDriver guard = new GuardDriver()) {
            CaseEventGenerator generator = new CaseEventGenerator(5);
            for (int i = 0; i < 40; i++) {
                guard.send(generator.next().event());
                if (i % 20 == 3) {
                    guard.sendBytes(null, new byte[] {1, 2, 3}, new RecordHeaders());
                }
            }
            trail = guard.auditValues();
        }
    }

    private static List<ScreeningDecision> copy() {
        List<ScreeningDecision> copy = new ArrayList<>();
        trail.forEach(d -> copy.add(ScreeningDecision.newBuilder(d).build()));
        return copy;
    }

    @Test
    void theTopologysTrailIsIntactAndLinked() {
        assertEquals(42, trail.size());
        AuditChainVerifier.Report report = AuditChainVerifier.verify(trail);
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(1, report.chains());
        assertEquals(0, report.unchained());
        assertNull(trail.get(0).getPreviousHash(), "the first decision of a partition starts the chain");
        for (int i = 1; i < trail.size(); i++) {
            assertNotNull(trail.get(i).getHash());
            assertEquals(trail.get(i - 1).getHash(), trail.get(i).getPreviousHash());
        }
    }

    @Test
    void aRemovedDecisionBreaksTheChain() {
        List<ScreeningDecision> tampered = copy();
        tampered.remove(17);
        assertFalse(AuditChainVerifier.verify(tampered).intact());
        List<ScreeningDecision> headless = copy();
        headless.remove(0);
        assertFalse(AuditChainVerifier.verify(headless).intact(), "removing the first decision shows too");
    }

    @Test
    void anAlteredDecisionShows() {
        List<ScreeningDecision> tampered = copy();
        ScreeningDecision held = tampered.stream().filter(d -> d.getDecision() == Decision.HOLD).findFirst().orElseThrow();
        held.setDecision(Decision.FORWARD);
        AuditChainVerifier.Report report = AuditChainVerifier.verify(tampered);
        assertFalse(report.intact());
        assertTrue(report.problems().get(0).contains("altered"), report.problems().toString());

        List<ScreeningDecision> versionChanged = copy();
        versionChanged.get(5).setPolicyVersion("forged");
        assertFalse(AuditChainVerifier.verify(versionChanged).intact(), "the hash covers the policy version");
    }

    @Test
    void aRehashedForgeryStillBreaksTheNextLink() {
        List<ScreeningDecision> tampered = copy();
        ScreeningDecision forged = tampered.get(10);
        forged.setRuleIds(List.of("forged.rule"));
        AuditChain.link(forged, forged.getPreviousHash()); // the forger recomputes this decision's hash
        AuditChainVerifier.Report report = AuditChainVerifier.verify(tampered);
        assertFalse(report.intact());
        assertTrue(report.problems().get(0).contains("broken before decision " + tampered.get(11).getDecisionId()));
    }

    @Test
    void insertedOrDuplicatedDecisionsShow() {
        List<ScreeningDecision> duplicated = copy();
        duplicated.add(ScreeningDecision.newBuilder(duplicated.get(3)).build());
        assertFalse(AuditChainVerifier.verify(duplicated).intact());
        List<ScreeningDecision> shuffled = copy();
        Collections.swap(shuffled, 4, 9);
        // Order comes from the input offsets, so a swap in the file alone is not a change; swapping offsets is.
        assertTrue(AuditChainVerifier.verify(shuffled).intact());
        long offset4 = shuffled.get(4).getSource().getOffset();
        shuffled.get(4).getSource().setOffset(shuffled.get(9).getSource().getOffset());
        shuffled.get(9).getSource().setOffset(offset4);
        assertFalse(AuditChainVerifier.verify(shuffled).intact());
    }
}
