package org.disclosureguard.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Interactive queries of this instance's metrics stores: the part of the counts whose keys this instance's
 * tasks own. {@link MetricsApi} merges the parts of every instance.
 */
public final class MetricsQueries {
    /**
     * Counts: windows in a range, all-time totals and review states, the oldest record awaiting review; and the parts
     * of the group whose counts are missing from them, named (empty when the counts are whole).
     */
    public record Snapshot(List<WindowCount> windows, Map<String, Long> totals, Long oldestPending, List<String> unavailable) {
        public Snapshot {
            unavailable = List.copyOf(unavailable);
        }

        static Snapshot whole(List<WindowCount> windows, Map<String, Long> totals, Long oldestPending) {
            return new Snapshot(windows, totals, oldestPending, List.of());
        }

        static Snapshot missing(String why) {
            return new Snapshot(List.of(), Map.of(), null, List.of(why));
        }

        public boolean complete() {
            return unavailable.isEmpty();
        }
    }

    /** One window's count for one dimension key. */
    public record WindowCount(String key, long start, long count) {}

    /** Totals keys of the review states ({@code review|PENDING}, ...), next to the dimension keys. */
    public static final String REVIEW_STATE_PREFIX = "review|";

    private final KafkaStreams streams;
    private final ReviewBacklog backlog;

    /** @param backlog this instance's review backlog ({@link ReviewBacklog#NONE}: none) */
    public MetricsQueries(KafkaStreams streams, ReviewBacklog backlog) {
        this.streams = streams;
        this.backlog = backlog;
    }

    /** Windows of {@code granularity} starting in [from, to], totals and the review backlog; incomplete (but never failing) while rebalancing. */
    public Snapshot local(Granularity granularity, Instant from, Instant to) {
        try {
            Map<String, Long> totals = new HashMap<>();
            try (KeyValueIterator<String, Long> it = keyValueStore(MetricsTopology.TOTALS_STORE, Long.class).all()) {
                it.forEachRemaining(kv -> totals.put(kv.key, kv.value));
            }
            Long oldestPending = addReviewStates(totals);
            return Snapshot.whole(windowCounts(granularity, from, to), totals, oldestPending);
        } catch (InvalidStateStoreException e) {
            return notReady(); // starting, rebalancing or closing: the next refresh will have it
        }
    }

    /** Only the windows, for a query that needs nothing else (the current throughput). */
    public Snapshot windowsOnly(Granularity granularity, Instant from, Instant to) {
        try {
            return Snapshot.whole(windowCounts(granularity, from, to), Map.of(), null);
        } catch (InvalidStateStoreException e) {
            return notReady();
        }
    }

    /** Only the review backlog: records by review state, and the oldest one no reviewer has decided. */
    public Snapshot backlog() {
        try {
            Map<String, Long> states = new HashMap<>();
            Long oldestPending = addReviewStates(states);
            return Snapshot.whole(List.of(), states, oldestPending);
        } catch (InvalidStateStoreException e) {
            return notReady();
        }
    }

    private Snapshot notReady() {
        return Snapshot.missing("this instance's metrics stores are not ready (" + streams.state() + ")");
    }

    private List<WindowCount> windowCounts(Granularity granularity, Instant from, Instant to) {
        ReadOnlyWindowStore<String, Long> windows = streams.store(
                StoreQueryParameters.fromNameAndType(granularity.storeName(), QueryableStoreTypes.<String, Long>windowStore()));
        List<WindowCount> counts = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Long> it = windows.fetchAll(from, to)) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, Long> next = it.next();
                counts.add(new WindowCount(next.key.key(), next.key.window().start(), next.value));
            }
        }
        return counts;
    }

    /** Adds the count of records per review state to {@code totals}; returns when the oldest undecided one was held. */
    private Long addReviewStates(Map<String, Long> totals) {
        ReviewBacklog.Counts counts = backlog.read();
        counts.byState().forEach((state, count) -> totals.merge(REVIEW_STATE_PREFIX + state, count, Long::sum));
        return counts.oldestPending();
    }

    private <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name, Class<V> valueType) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
