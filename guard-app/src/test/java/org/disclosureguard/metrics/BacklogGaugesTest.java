package org.disclosureguard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The backlog gauges read the review backlog at every scrape, also once nothing else holds the queries. */
class BacklogGaugesTest {
    @Test
    void theGaugesStillReadTheBacklogAfterAGarbageCollection() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReviewBacklog threePending = new ReviewBacklog() {
            @Override
            public String topic() {
                return "review";
            }

            @Override
            public Part read() {
                return new Part(Map.of(0, new Counts(Map.of("PENDING", 2L), System.currentTimeMillis()),
                        1, new Counts(Map.of("PENDING", 1L, "CONFIRMED_HOLD", 4L), null)), Set.of());
            }
        };
        BacklogGauges.register(registry, new MetricsQueries(null, "counts", threePending)); // the gauges' only reference
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(3.0, registry.get("guard.review.backlog.pending").gauge().value(), "not NaN: the queries were kept");
        assertEquals(0.0, registry.get("guard.review.backlog.oldest.age").gauge().value(), 1.0);
    }
}
