package org.disclosureguard.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.metrics.ReviewBacklog;

/** The review backlog of this instance's part of the quarantine store (interactive query), for the dashboards. */
public final class QuarantineBacklog implements ReviewBacklog {
    private final KafkaStreams streams;

    public QuarantineBacklog(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Counts read() {
        Map<String, Long> byState = new HashMap<>();
        Long oldestPending = null;
        try (KeyValueIterator<String, byte[]> it = streams.store(StoreQueryParameters.fromNameAndType(
                ReviewTopology.QUARANTINE_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore())).all()) {
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
            return QuarantinedRecord.fromByteBuffer(ByteBuffer.wrap(entry.review())).getQuarantinedAt().toEpochMilli();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }
}
