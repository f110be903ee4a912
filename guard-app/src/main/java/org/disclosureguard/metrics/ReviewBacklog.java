package org.disclosureguard.metrics;

import java.util.Map;
import java.util.Set;

/**
 * The review workflow's backlog on this instance, as the dashboards count it: records per review state and when the
 * oldest undecided one was held, for each review partition this instance reads. The review package reads it from its
 * store; the dashboards only ask.
 */
public interface ReviewBacklog {
    /** Records per review state name, and the hold time (epoch ms) of the oldest undecided record (null: none). */
    record Counts(Map<String, Long> byState, Long oldestPending) {}

    /** The counts of each review partition read here, and the partitions assigned here that cannot be read yet. */
    record Part(Map<Integer, Counts> partitions, Set<Integer> unreadable) {}

    /** The topic whose partitions split the backlog (the review topic), or null when there is no backlog. */
    String topic();

    /** This instance's part (empty while its store is not queryable: starting, rebalancing, closing). */
    Part read();

    /** No review workflow on this instance: an empty backlog. */
    ReviewBacklog NONE = new ReviewBacklog() {
        @Override
        public String topic() {
            return null;
        }

        @Override
        public Part read() {
            return new Part(Map.of(), Set.of());
        }
    };
}
