package org.disclosureguard.review;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.disclosureguard.contract.QuarantinedRecords;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.metrics.ReviewBacklog;
import org.disclosureguard.query.LocalStores;

/** The review backlog of this instance's partitions of the quarantine store (interactive queries), for the dashboards. */
public final class QuarantineBacklog implements ReviewBacklog {
    private final LocalStores stores;
    private final String reviewTopic;

    public QuarantineBacklog(LocalStores stores, String reviewTopic) {
        this.stores = stores;
        this.reviewTopic = reviewTopic;
    }

    @Override
    public String topic() {
        return reviewTopic;
    }

    @Override
    public Part read() {
        Map<Integer, Counts> partitions = new TreeMap<>();
        Set<Integer> unreadable = new TreeSet<>();
        for (int partition : stores.owned(reviewTopic)) {
            try {
                partitions.put(partition, read(partition));
            } catch (InvalidStateStoreException e) {
                unreadable.add(partition);
            }
        }
        return new Part(partitions, unreadable);
    }

    private Counts read(int partition) {
        Map<String, Long> byState = new HashMap<>();
        Long oldestPending = null;
        try (KeyValueIterator<String, byte[]> it = stores.store(ReviewTopology.QUARANTINE_STORE,
                QueryableStoreTypes.<String, byte[]>keyValueStore(), partition).all()) {
            while (it.hasNext()) {
                ReviewModel.Entry entry = ReviewModel.readEntry(it.next().value);
                byState.merge(entry.state().name(), 1L, Long::sum);
                if (!entry.state().decided()) {
                    long heldAt = heldAt(entry);
                    oldestPending = oldestPending == null ? heldAt : Math.min(oldestPending, heldAt);
                }
            }
        }
        return new Counts(byState, oldestPending);
    }

    private static long heldAt(ReviewModel.Entry entry) {
        try {
            return QuarantinedRecords.decode(entry.review()).getQuarantinedAt().toEpochMilli();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }
}
