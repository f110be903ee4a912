package org.disclosureguard.metrics;

import java.util.Map;

/**
 * The review workflow's backlog on this instance, as the dashboards count it: records per review state and when the
 * oldest undecided one was held. The review package reads it from its store; the dashboards only ask.
 */
public interface ReviewBacklog {
    /** Records per review state name, and the hold time (epoch ms) of the oldest undecided record (null: none). */
    record Counts(Map<String, Long> byState, Long oldestPending) {}

    /**
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the store is not queryable
     *         (starting, rebalancing, closing)
     */
    Counts read();

    /** No review workflow on this instance: an empty backlog. */
    ReviewBacklog NONE = () -> new Counts(Map.of(), null);
}
