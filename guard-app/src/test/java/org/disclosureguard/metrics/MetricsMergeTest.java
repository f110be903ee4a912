package org.disclosureguard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disclosureguard.query.GroupParts;
import org.junit.jupiter.api.Test;

/**
 * Merging the instances' parts: each metrics and review partition counted once, the oldest pending time optional on
 * every side, what nobody read named, and a peer's answer read back exactly as an instance writes it.
 */
class MetricsMergeTest {
    private static final MetricsQueries.Counts HOLDS_ON_0 = new MetricsQueries.Counts(
            List.of(new MetricsQueries.WindowCount("decision|HOLD", 60_000, 4)), Map.of("decision|HOLD", 9L));

    @Test
    void theEarliestPendingTimeOfTwoInstancesIsNullSafe() {
        assertNull(MetricsApi.earliest(null, null), "neither instance has anything pending");
        assertEquals(5L, MetricsApi.earliest(null, 5L));
        assertEquals(5L, MetricsApi.earliest(5L, null));
        assertEquals(3L, MetricsApi.earliest(3L, 5L));
        assertEquals(3L, MetricsApi.earliest(5L, 3L));
    }

    @Test
    void aPeersPartReadsBackAsItWasWritten() throws Exception {
        MetricsQueries.LocalPart part = new MetricsQueries.LocalPart(Map.of(0, HOLDS_ON_0), Set.of(1),
                Map.of(2, new ReviewBacklog.Counts(Map.of("PENDING", 3L), 1_700_000_000_000L),
                        3, new ReviewBacklog.Counts(Map.of(), null)), Set.of(), "RUNNING");
        String json = new ObjectMapper().writeValueAsString(part);
        assertEquals(part, MetricsApi.fromPeer(200, json));
    }

    @Test
    void aPeerThatFailsOrSendsNoPartSaysSo() {
        assertEquals("answered HTTP 503", assertThrows(IOException.class, () -> MetricsApi.fromPeer(503, "")).getMessage());
        assertEquals("answered without a part of the counts it could be read from",
                assertThrows(IOException.class, () -> MetricsApi.fromPeer(200, "{\"windows\":[],\"totals\":{}}")).getMessage());
        assertThrows(IOException.class, () -> MetricsApi.fromPeer(200, "not json"));
    }

    @Test
    void aPartitionTwoInstancesServeDuringAHandoverIsCountedOnce() {
        GroupParts<MetricsQueries.Counts> metrics = new GroupParts<>("metrics partitions");
        GroupParts<ReviewBacklog.Counts> review = new GroupParts<>("review partitions");
        ReviewBacklog.Counts pending = new ReviewBacklog.Counts(Map.of("PENDING", 2L), 5L);
        MetricsApi.add(new MetricsQueries.LocalPart(Map.of(0, HOLDS_ON_0), Set.of(), Map.of(0, pending), Set.of(), "RUNNING"),
                "this instance", metrics, review);
        MetricsApi.add(new MetricsQueries.LocalPart(Map.of(0, HOLDS_ON_0), Set.of(1), Map.of(0, pending), Set.of(1), "REBALANCING"),
                "instance b:2", metrics, review);
        assertEquals(Map.of(0, HOLDS_ON_0), metrics.served(), "partition 0 once, not twice");
        assertEquals(List.of("metrics partitions [1] are not readable yet on instance b:2 (REBALANCING)"), metrics.unavailable(2));
        assertEquals(List.of("review partitions [1] are not readable yet on instance b:2 (REBALANCING)"), review.unavailable(2));
    }
}
