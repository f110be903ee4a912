package org.disclosureguard.pipeline;

import java.time.Clock;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.metrics.MetricsTopology;
import org.apache.kafka.streams.state.Stores;
import org.disclosureguard.screen.Screener;
import org.disclosureguard.review.ReviewTopology;

/**
 * The screening topology, the same for production, the demo, replay and the tests:
 * <pre>
 *   input ─► screen ─┬─► enforcement   (FORWARD, FORWARD_REDACTED: the allow-list projection)
 *                    ├─► review        (HOLD, REJECT: original bytes and reasons)
 *                    └─► audit         (every input: exactly one decision, no sensitive values,
 *                                       hash-chained per input partition through the audit-chain store)
 * </pre>
 * Bytes in, bytes out: decoding happens inside the processor, so undecodable input is routed, never lost.
 */
public final class ScreeningTopology {
    static final String SOURCE = "provider-source";
    static final String SCREEN = "screen";
    static final String ENFORCEMENT_SINK = "enforcement-sink";
    static final String REVIEW_SINK = "review-sink";
    static final String AUDIT_SINK = "audit-sink";
    /** The last audit hash per input partition: in memory, restored from its changelog topic after a restart. */
    static final String AUDIT_CHAIN_STORE = "audit-chain";

    private ScreeningTopology() {}

    /** A topology whose policy never changes (replay, benchmarks, tests). */
    public static Topology build(Screener screener, Topics topics, Clock clock) {
        return build(new ActivePolicy(screener.policy()), topics, clock, GuardConfig.DEFAULT_MAX_RECORD_BYTES);
    }

    /** @param activePolicy the policy in force, which a reload may replace between records */
    public static Topology build(ActivePolicy activePolicy, Topics topics, Clock clock, int maxRecordBytes) {
        return build(activePolicy, topics, clock, maxRecordBytes, null, null);
    }

    /**
     * The screening topology, plus the dashboards' aggregations of the audit topic when {@code metrics} is given
     * ({@link MetricsTopology}: a second sub-topology, reading what the first wrote).
     */
    public static Topology build(ActivePolicy activePolicy, Topics topics, Clock clock, int maxRecordBytes,
                                 MetricsTopology.Settings metrics, Function<byte[], ScreeningDecision> readDecision) {
        StreamsBuilder builder = new StreamsBuilder();
        if (metrics != null) {
            MetricsTopology.addTo(builder, topics.audit(), topics.metrics(), metrics, readDecision);
        }
        Topology topology = builder.build();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.input());
        topology.addProcessor(SCREEN, () -> new ScreeningProcessor(activePolicy, clock, maxRecordBytes), SOURCE);
        // Cached: the changelog gets each partition's latest hash once per commit (in the same transaction as
        // the outputs), not one record per input.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AUDIT_CHAIN_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled(), SCREEN);
        topology.addSink(ENFORCEMENT_SINK, topics.enforcement(), new ByteArraySerializer(), new ByteArraySerializer(), SCREEN);
        topology.addSink(REVIEW_SINK, topics.review(), new ByteArraySerializer(), new ByteArraySerializer(), SCREEN);
        topology.addSink(AUDIT_SINK, topics.audit(), new ByteArraySerializer(), new ByteArraySerializer(), SCREEN);
        ReviewTopology.addTo(topology, topics, activePolicy, clock);
        return topology;
    }
}
