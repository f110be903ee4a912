package org.disclosureguard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Merging the instances' answers: the oldest pending time is optional on every side. */
class MetricsMergeTest {
    @Test
    void theEarliestPendingTimeOfTwoInstancesIsNullSafe() {
        assertNull(MetricsApi.earliest(null, null), "neither instance has anything pending");
        assertEquals(5L, MetricsApi.earliest(null, 5L));
        assertEquals(5L, MetricsApi.earliest(5L, null));
        assertEquals(3L, MetricsApi.earliest(3L, 5L));
        assertEquals(3L, MetricsApi.earliest(5L, 3L));
    }
}
