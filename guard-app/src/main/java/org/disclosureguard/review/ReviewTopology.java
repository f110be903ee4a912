package org.disclosureguard.review;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.disclosureguard.pipeline.ProcessorParts;
import org.disclosureguard.pipeline.GuardHeaders;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.query.RunningTasks;

/**
 * The review workflow as a sub-topology of the guard:
 * <pre>
 *   review.quarantine ─┐                                  ┌─► review.decisions (every command's outcome)
 *                      ├─► review (quarantine store) ─────┤
 *   review.commands  ──┘                                  └─► enforcement (a release that passed the screen again)
 * </pre>
 */
public final class ReviewTopology {
    public static final String QUARANTINE_STORE = "quarantine";
    static final String REVIEW_SOURCE = "review-source";
    static final String COMMANDS_SOURCE = "review-commands-source";
    static final String PROCESSOR = "review";
    static final String RUNNING_MARKER = "review-running";
    static final String DECISIONS_SINK = "review-decisions-sink";
    static final String RELEASE_SINK = "review-release-sink";
    /** On an enforcement record released by a reviewer: the quarantine id it came from. */
    public static final String RELEASED_FROM_HEADER = GuardHeaders.PREFIX + "released.from";

    private ReviewTopology() {}

    /**
     * Adds the review workflow to {@code topology}, its processor built with the screening's {@code parts}.
     *
     * @param fourEyes whether a release takes effect only when a second reviewer approves it
     * @param running  told which quarantine store partitions run here
     */
    public static void addTo(Topology topology, ProcessorParts parts, boolean fourEyes, RunningTasks running) {
        Topics topics = parts.topics();
        topology.addSource(REVIEW_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.review());
        topology.addSource(COMMANDS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.reviewCommands());
        topology.addProcessor(PROCESSOR, () -> new ReviewProcessor(parts, fourEyes), REVIEW_SOURCE, COMMANDS_SOURCE);
        topology.addProcessor(RUNNING_MARKER, running.marker(QUARANTINE_STORE), REVIEW_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QUARANTINE_STORE),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addSink(DECISIONS_SINK, topics.reviewDecisions(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
        topology.addSink(RELEASE_SINK, topics.enforcement(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
    }
}
