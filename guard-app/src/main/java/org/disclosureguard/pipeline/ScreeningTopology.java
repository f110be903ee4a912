package org.disclosureguard.pipeline;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The screening sub-topology, the same for production, the demo, replay and the tests ({@code app.GuardTopology}
 * composes it with the review workflow and the dashboards):
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

    /** Adds the screening's source, processor, audit-chain store and sinks to {@code topology}. */
    public static void addTo(Topology topology, ProcessorParts parts) {
        Topics topics = parts.topics();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.input());
        topology.addProcessor(SCREEN, () -> new ScreeningProcessor(parts), SOURCE);
        // Cached: the changelog gets each partition's latest hash once per commit (in the same transaction as
        // the outputs), not one record per input.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AUDIT_CHAIN_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled(), SCREEN);
        topology.addSink(ENFORCEMENT_SINK, topics.enforcement(), new ByteArraySerializer(), new ByteArraySerializer(), SCREEN);
        topology.addSink(REVIEW_SINK, topics.review(), new ByteArraySerializer(), new ByteArraySerializer(), SCREEN);
        topology.addSink(AUDIT_SINK, topics.audit(), new ByteArraySerializer(), new ByteArraySerializer(), SCREEN);
    }
}
