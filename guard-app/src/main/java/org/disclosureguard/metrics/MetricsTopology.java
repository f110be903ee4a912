package org.disclosureguard.metrics;

import org.disclosureguard.pipeline.GuardConfig;
import java.util.EnumMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.disclosureguard.registry.GuardRecordReader;
import org.disclosureguard.query.RunningTasks;

/**
 * The dashboards' aggregations, a second sub-topology of the same app: it reads the audit topic back and counts
 * decisions by {@link Dimension} in windows of a minute, an hour and a day (event time: the input record's
 * timestamp; late records count while their window is within the grace period), plus all-time totals. (The
 * review backlog comes from the review workflow's quarantine store.) Stores are served through interactive queries ({@link MetricsQueries}); every window
 * update is also written to the metrics topic as JSON. Reading the audit topic, not the screening processor's
 * output stream, keeps one source of truth: what the dashboards count is exactly what the audit says.
 */
public final class MetricsTopology {
    public static final String TOTALS_STORE = "metrics-total";
    /** The repartitioning's name: the counts are repartitioned by dimension key through {@link #countsTopic}. */
    private static final String BY_DIMENSION = "metrics-by-dimension";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsTopology.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Retention per granularity and the grace for late records. */
    public record Settings(Map<Granularity, Duration> retention, Duration grace) {
        public Duration retentionOf(Granularity granularity) {
            return retention.get(granularity);
        }

        /** The dashboards' aggregation settings among the guard's settings, or null when they are off. */
        public static Settings from(GuardConfig config) {
            if (!config.getBoolean(GuardConfig.METRICS_ENABLED)) {
                return null;
            }
            Map<Granularity, Duration> retention = new EnumMap<>(Granularity.class);
            for (Granularity g : Granularity.values()) {
                retention.put(g, Duration.ofMillis(config.getLong(GuardConfig.METRICS_RETENTION_PREFIX + g.label() + ".ms")));
            }
            return new Settings(retention, Duration.ofMillis(config.getLong(GuardConfig.METRICS_GRACE_MS)));
        }
    }

    private MetricsTopology() {}

    /**
     * The internal topic the counting sub-topology reads (Kafka Streams names a named repartition topic
     * {@code <application.id>-<name>-repartition}): the metrics stores' partitions are its partitions.
     */
    public static String countsTopic(String applicationId) {
        return applicationId + "-" + BY_DIMENSION + "-repartition";
    }

    /**
     * Adds the aggregations to {@code builder}.
     *
     * @param auditTopic   where the decisions are read from
     * @param metricsTopic where window updates are written
     * @param readDecision the audit topic's wire format; returns null for a record it cannot read (skipped)
     * @param running      told which partitions of the counting stores run here
     */
    public static void addTo(StreamsBuilder builder, String auditTopic, String metricsTopic, Settings settings,
                             Function<byte[], ScreeningDecision> readDecision, RunningTasks running) {
        var decisions = builder.stream(auditTopic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("metrics-audit-source"))
                .mapValues(readDecision::apply, Named.as("metrics-read-decision"))
                .filter((key, decision) -> decision != null, Named.as("metrics-readable"));

        // Repartitioned explicitly (the topic's name is the one a named grouping gives) so that the counting
        // sub-topology can hold the marker that says when its stores may be read.
        KStream<String, Long> counted = decisions
                .flatMap((key, decision) -> Dimension.keysOf(decision).stream().map(k -> KeyValue.pair(k, 1L)).toList(),
                        Named.as("metrics-dimensions"))
                .repartition(Repartitioned.<String, Long>as(BY_DIMENSION).withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
        List<String> stores = new ArrayList<>(List.of(TOTALS_STORE));
        granularities().forEach(g -> stores.add(g.storeName()));
        counted.process(running.<String, Long>marker(stores.toArray(String[]::new)), Named.as("metrics-running"));
        KGroupedStream<String, Long> byDimension = counted.groupByKey(Grouped.with(Serdes.String(), Serdes.Long()));

        for (Granularity granularity : Granularity.values()) {
            byDimension.windowedBy(TimeWindows.ofSizeAndGrace(granularity.size(), settings.grace()))
                    .count(Named.as("metrics-count-" + granularity.label()),
                            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(granularity.storeName())
                                    .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
                                    .withRetention(settings.retentionOf(granularity)))
                    .toStream(Named.as("metrics-updates-" + granularity.label()))
                    .map((window, count) -> KeyValue.pair(granularity.label() + "|" + window.key() + "|" + window.window().start(),
                            json(granularity, window.key(), window.window().start(), window.window().end(), count)),
                            Named.as("metrics-json-" + granularity.label()))
                    .to(metricsTopic, Produced.with(Serdes.String(), Serdes.String()).withName("metrics-sink-" + granularity.label()));
        }
        byDimension.count(Named.as("metrics-count-total"),
                Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(TOTALS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));

    }

    /** Reads decisions in one wire format, skipping (and logging once per kind) what does not read. */
    public static Function<byte[], ScreeningDecision> reader(GuardRecordReader reader) {
        return bytes -> {
            try {
                return reader.decision(bytes);
            } catch (Exception | LinkageError e) {
                LOG.warn("Skipping an unreadable audit record in the metrics: {}", e.getClass().getSimpleName());
                return null;
            }
        };
    }

    private static String json(Granularity granularity, String key, long start, long end, long count) {
        ObjectNode node = JSON.createObjectNode();
        node.put("granularity", granularity.label());
        Dimension dimension = Dimension.of(key);
        node.put("dimension", dimension == null ? "unknown" : dimension.label());
        node.put("key", Dimension.valuePart(key));
        node.put("windowStart", start);
        node.put("windowEnd", end);
        node.put("count", count);
        return node.toString();
    }

    static List<Granularity> granularities() {
        return List.of(Granularity.values());
    }
}
