package org.disclosureguard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.pipeline.GuardMeters;
import org.disclosureguard.screen.ScreeningResult;
import org.junit.jupiter.api.Test;

/**
 * Facility ids come from the input: a producer writing a new one in every record must not grow the scrape (or the
 * guard's heap) without end. Each meter's label takes a bounded number of values; the rest count as 'other', and a
 * value that is no identifier as 'invalid'. No record goes uncounted.
 */
class MetricLabelBudgetTest {

    @Test
    void facilityLabelsAreBoundedAndEveryBlockIsStillCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GuardMeters meters = new GuardMeters(registry, 5);
        ScreeningResult held = ScreeningResult.quarantined(Decision.HOLD, List.of());
        for (int i = 0; i < 1_000; i++) {
            meters.record(held, "FAC-" + i, 1);
        }
        meters.record(held, "FAC-0", 1);
        meters.record(held, "x".repeat(65), 1);
        meters.record(held, "FAC-1\n# HELP fake_metric injected", 1);
        meters.record(held, "", 1);

        Set<String> facilities = registry.find("guard.facility.blocks").counters().stream()
                .map(c -> c.getId().getTag("facility")).collect(Collectors.toSet());
        assertEquals(Set.of("FAC-0", "FAC-1", "FAC-2", "FAC-3", "FAC-4", GuardMeters.OTHER, GuardMeters.INVALID), facilities);
        assertEquals(2.0, registry.find("guard.facility.blocks").tag("facility", "FAC-0").counter().count());
        assertEquals(995.0, registry.find("guard.facility.blocks").tag("facility", GuardMeters.OTHER).counter().count());
        assertEquals(3.0, registry.find("guard.facility.blocks").tag("facility", GuardMeters.INVALID).counter().count());
        double total = registry.find("guard.facility.blocks").counters().stream().mapToDouble(Counter::count).sum();
        assertEquals(1_004.0, total, "every blocking decision is counted somewhere");
    }

    @Test
    void falsePositiveTermsAreBoundedToo() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GuardMeters meters = new GuardMeters(registry, 2);
        for (String term : List.of("terapia", "séance de thérapie", "counselor*", "psych*")) {
            meters.recordReview("RELEASED", List.of(GuardMeters.FALSE_POSITIVE_NOTE + term));
        }
        Set<String> terms = registry.find("guard.review.false.positive.terms").counters().stream()
                .map(c -> c.getId().getTag("term")).collect(Collectors.toSet());
        assertEquals(Set.of("terapia", "séance de thérapie", GuardMeters.OTHER), terms);
        assertEquals(2.0, registry.find("guard.review.false.positive.terms").tag("term", GuardMeters.OTHER).counter().count());
    }
}
