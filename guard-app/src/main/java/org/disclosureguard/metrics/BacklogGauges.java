package org.disclosureguard.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The review backlog (records not yet decided by a reviewer) as Prometheus gauges, read from this instance's stores at each scrape: each instance reports
 * the part it owns, so sum the pending counts and take the max of the oldest ages across instances. The gauges hold
 * their queries strongly: Micrometer's default weak reference let them be collected and the gauges read NaN.
 */
public final class BacklogGauges {
    private BacklogGauges() {}

    public static void register(MeterRegistry registry, MetricsQueries queries) {
        Gauge.builder("guard.review.backlog.pending", queries, q -> {
            MetricsQueries.Snapshot snapshot = q.backlog();
            return snapshot.totals().getOrDefault(MetricsQueries.REVIEW_STATE_PREFIX + "PENDING", 0L)
                    + snapshot.totals().getOrDefault(MetricsQueries.REVIEW_STATE_PREFIX + "AWAITING_SECOND_APPROVAL", 0L);
        }).description("Held and rejected records waiting for review (this instance's part)").strongReference(true).register(registry);
        Gauge.builder("guard.review.backlog.oldest.age", queries, q -> {
            Long oldest = q.backlog().oldestPending();
            return oldest == null ? 0 : Math.max(0, (System.currentTimeMillis() - oldest) / 1000.0);
        }).baseUnit("seconds").description("Age of the oldest record waiting for review (this instance's part)").strongReference(true)
                .register(registry);
    }
}
