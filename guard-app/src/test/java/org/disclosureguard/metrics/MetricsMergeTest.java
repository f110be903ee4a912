package org.disclosureguard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** Merging the instances' answers: the oldest pending time is optional on every side; what is missing is named. */
class MetricsMergeTest {
    private static final HostInfo PEER = new HostInfo("10.0.0.7", 8081);

    @Test
    void theEarliestPendingTimeOfTwoInstancesIsNullSafe() {
        assertNull(MetricsApi.earliest(null, null), "neither instance has anything pending");
        assertEquals(5L, MetricsApi.earliest(null, 5L));
        assertEquals(5L, MetricsApi.earliest(5L, null));
        assertEquals(3L, MetricsApi.earliest(3L, 5L));
        assertEquals(3L, MetricsApi.earliest(5L, 3L));
    }

    @Test
    void aPeersAnswerCarriesItsCountsAndWhatItSaysIsMissing() throws Exception {
        MetricsQueries.Snapshot whole = MetricsApi.fromPeer(PEER, 200,
                "{\"windows\":[{\"key\":\"decision|HOLD\",\"start\":60000,\"count\":4}],\"totals\":{\"decision|HOLD\":9},"
                        + "\"oldestPending\":null,\"unavailable\":[]}");
        assertTrue(whole.complete());
        assertEquals(List.of(new MetricsQueries.WindowCount("decision|HOLD", 60_000, 4)), whole.windows());
        assertEquals(Map.of("decision|HOLD", 9L), whole.totals());

        MetricsQueries.Snapshot starting = MetricsApi.fromPeer(PEER, 200,
                "{\"windows\":[],\"totals\":{},\"unavailable\":[\"this instance's metrics stores are not ready (REBALANCING)\"]}");
        assertEquals(List.of("instance 10.0.0.7:8081: this instance's metrics stores are not ready (REBALANCING)"), starting.unavailable());
    }

    @Test
    void aPeerThatFailsOrSaysNothingIsNamedAsMissing() throws Exception {
        assertEquals(List.of("instance 10.0.0.7:8081 answered HTTP 503"), MetricsApi.fromPeer(PEER, 503, "").unavailable());
        assertEquals(List.of("instance 10.0.0.7:8081 did not say whether its counts are whole"),
                MetricsApi.fromPeer(PEER, 200, "{\"windows\":[],\"totals\":{}}").unavailable());
    }
}
