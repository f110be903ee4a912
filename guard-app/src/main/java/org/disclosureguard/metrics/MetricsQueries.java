package org.disclosureguard.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.disclosureguard.query.LocalStores;

/**
 * Interactive queries of this instance's metrics stores, partition by partition: the part of the counts whose
 * partitions the group assigned here and that are restored. {@link MetricsApi} takes each partition once from the
 * group's parts and names the partitions nobody could read.
 */
public final class MetricsQueries {
    /**
     * The group's counts, merged: windows in a range, all-time totals and review states, the oldest record awaiting
     * review; and the parts of the group whose counts are missing from them, named (empty when the counts are whole).
     */
    public record Snapshot(List<WindowCount> windows, Map<String, Long> totals, Long oldestPending, List<String> unavailable) {
        public Snapshot {
            unavailable = List.copyOf(unavailable);
        }

        public boolean complete() {
            return unavailable.isEmpty();
        }
    }

    /** One window's count for one dimension key. */
    public record WindowCount(String key, long start, long count) {}

    /** One metrics partition's counts: its windows in the range asked, and its all-time totals. */
    public record Counts(List<WindowCount> windows, Map<String, Long> totals) {
        public Counts {
            Objects.requireNonNull(windows, "windows");
            Objects.requireNonNull(totals, "totals");
        }
    }

    /**
     * This instance's part, for its own answer and the other instances': the metrics partitions it read, the review
     * partitions it read, the partitions of each assigned here that it cannot read yet, and its Kafka Streams state.
     */
    public record LocalPart(Map<Integer, Counts> metrics, Set<Integer> metricsUnreadable,
                            Map<Integer, ReviewBacklog.Counts> review, Set<Integer> reviewUnreadable, String state) {
        public LocalPart {
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(metricsUnreadable, "metricsUnreadable");
            Objects.requireNonNull(review, "review");
            Objects.requireNonNull(reviewUnreadable, "reviewUnreadable");
        }
    }

    /** Totals keys of the review states ({@code review|PENDING}, ...), next to the dimension keys. */
    public static final String REVIEW_STATE_PREFIX = "review|";

    private final LocalStores stores;
    private final String countsTopic;
    private final ReviewBacklog backlog;

    /**
     * @param countsTopic the topic the metrics stores' partitions are those of ({@link MetricsTopology#countsTopic})
     * @param backlog     this instance's review backlog ({@link ReviewBacklog#NONE}: none)
     */
    public MetricsQueries(LocalStores stores, String countsTopic, ReviewBacklog backlog) {
        this.stores = stores;
        this.countsTopic = countsTopic;
        this.backlog = backlog;
    }

    /** The topic the metrics stores are partitioned by. */
    public String countsTopic() {
        return countsTopic;
    }

    /** The topic the review backlog is partitioned by, or null. */
    public String reviewTopic() {
        return backlog.topic();
    }

    /** The partition count of a topic (-1: the cluster never said). */
    public int partitionCount(String topic) {
        return stores.partitionCount(topic);
    }

    /**
     * This instance's part: windows of {@code granularity} starting in [from, to] and, unless {@code windowsOnly}
     * (the current throughput needs nothing else), totals and the review backlog. Never fails: what cannot be read
     * (starting, rebalancing, restoring, closing) is named unreadable.
     */
    public LocalPart local(Granularity granularity, Instant from, Instant to, boolean windowsOnly) {
        Map<Integer, Counts> metrics = new TreeMap<>();
        Set<Integer> metricsUnreadable = new TreeSet<>();
        for (int partition : stores.owned(countsTopic)) {
            try {
                Map<String, Long> totals = windowsOnly ? Map.of() : totals(partition);
                metrics.put(partition, new Counts(windowCounts(granularity, from, to, partition), totals));
            } catch (InvalidStateStoreException e) {
                metricsUnreadable.add(partition);
            }
        }
        ReviewBacklog.Part review = windowsOnly ? new ReviewBacklog.Part(Map.of(), Set.of()) : backlog.read();
        return new LocalPart(metrics, metricsUnreadable, review.partitions(), review.unreadable(), stores.state());
    }

    /** This instance's review backlog, summed (for its own gauges): records by review state and the oldest undecided. */
    public Snapshot backlog() {
        Map<String, Long> states = new HashMap<>();
        Long oldest = addBacklog(backlog.read().partitions().values(), states);
        return new Snapshot(List.of(), states, oldest, List.of());
    }

    /**
     * Adds the records per review state of review partitions to {@code totals} (keys {@link #REVIEW_STATE_PREFIX}
     * + state); returns the hold time of the oldest undecided record among them (null: none).
     */
    static Long addBacklog(Collection<ReviewBacklog.Counts> partitions, Map<String, Long> totals) {
        Long oldest = null;
        for (ReviewBacklog.Counts counts : partitions) {
            counts.byState().forEach((state, count) -> totals.merge(REVIEW_STATE_PREFIX + state, count, Long::sum));
            oldest = MetricsApi.earliest(oldest, counts.oldestPending());
        }
        return oldest;
    }

    private List<WindowCount> windowCounts(Granularity granularity, Instant from, Instant to, int partition) {
        ReadOnlyWindowStore<String, Long> windows = stores.store(granularity.storeName(),
                QueryableStoreTypes.<String, Long>windowStore(), partition);
        List<WindowCount> counts = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Long> it = windows.fetchAll(from, to)) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, Long> next = it.next();
                counts.add(new WindowCount(next.key.key(), next.key.window().start(), next.value));
            }
        }
        return counts;
    }

    private Map<String, Long> totals(int partition) {
        Map<String, Long> totals = new HashMap<>();
        try (KeyValueIterator<String, Long> it = stores.store(MetricsTopology.TOTALS_STORE,
                QueryableStoreTypes.<String, Long>keyValueStore(), partition).all()) {
            it.forEachRemaining(kv -> totals.put(kv.key, kv.value));
        }
        return totals;
    }
}
