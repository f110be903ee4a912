package org.disclosureguard.app;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.metrics.MetricsTopology;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.ProcessorParts;
import org.disclosureguard.pipeline.ScreeningTopology;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.query.RunningTasks;
import org.disclosureguard.registry.GuardRecordReader;
import org.disclosureguard.review.ReviewTopology;
import org.disclosureguard.screen.Screener;

/**
 * The guard's one topology, composed in one place for production, the demo, replay and the tests: the screening
 * ({@link ScreeningTopology}), the review workflow ({@link ReviewTopology}) and, when they are on, the dashboards'
 * aggregations of the audit topic ({@link MetricsTopology}: a sub-topology of its own, reading what the screening
 * wrote). Each part takes its collaborators from the same {@link ProcessorParts}.
 */
public final class GuardTopology {
    private GuardTopology() {}

    /**
     * @param fourEyes     whether a release needs a second reviewer's approval
     * @param metrics      the dashboards' settings, or null for none
     * @param readDecision how the dashboards read an audit record (null when {@code metrics} is)
     * @param running      told which partitions of the queried stores run here (the review and dashboard answers)
     */
    public static Topology build(ProcessorParts parts, boolean fourEyes, MetricsTopology.Settings metrics,
                                 Function<byte[], ScreeningDecision> readDecision, RunningTasks running) {
        StreamsBuilder builder = new StreamsBuilder();
        if (metrics != null) {
            MetricsTopology.addTo(builder, parts.topics().audit(), parts.topics().metrics(), metrics, readDecision, running);
        }
        Topology topology = builder.build();
        ScreeningTopology.addTo(topology, parts);
        ReviewTopology.addTo(topology, parts, fourEyes, running);
        return topology;
    }

    /** As above, for a topology whose stores nobody queries (tests, replay, benchmarks). */
    public static Topology build(ProcessorParts parts, boolean fourEyes, MetricsTopology.Settings metrics,
                                 Function<byte[], ScreeningDecision> readDecision) {
        return build(parts, fourEyes, metrics, readDecision, new RunningTasks());
    }

    /** The topology the guard's settings describe (four eyes, dashboards), built with {@code parts}. */
    public static Topology build(ProcessorParts parts, Map<?, ?> settings) {
        GuardConfig config = GuardConfig.fromStreamsConfig(settings);
        return build(parts, config.reviewFourEyes(), MetricsTopology.Settings.from(config),
                MetricsTopology.reader(GuardRecordReader.of(parts.formats().registryClient())));
    }

    /** Screening and review without dashboards, for a policy that never changes (replay, benchmarks). */
    public static Topology build(Screener screener, Topics topics, Clock clock) {
        return build(ProcessorParts.of(screener.policy(), topics, clock), false, null, null);
    }
}
