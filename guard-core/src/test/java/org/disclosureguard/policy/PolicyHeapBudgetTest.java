package org.disclosureguard.policy;

import org.disclosureguard.scan.TermMatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bundled policy fits the heap the guard is run with in the forked tests and the benchmark, with room for a
 * reload: a hot reload compiles the new policy while the old one still screens. Run in a JVM of its own with a small
 * heap (guard-core's pom, execution {@code policy-heap}): when the dictionary outgrows it, this fails with an
 * OutOfMemoryError here instead of a guard that cannot start in a forked integration test or in production.
 */
class PolicyHeapBudgetTest {

    @Test
    void theBundledPolicyAndItsReloadFitTheBudget() {
        Policy running = Policy.bundled();
        Policy reloaded = Policy.bundled();
        String note = "In her therapy session the girl told the clinician about the abuse.";
        for (Policy policy : List.of(running, reloaded)) {
            List<String> terms = policy.scanner().scan(note).stream().map(TermMatch::term).toList();
            assertEquals(false, terms.isEmpty(), "the bundled scanner finds therapy terms in: " + note);
        }
    }
}
