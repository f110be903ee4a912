package org.disclosureguard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.disclosureguard.app.GuardTopology;
import org.disclosureguard.metrics.Granularity;
import org.disclosureguard.metrics.MetricsTopology;
import org.disclosureguard.pipeline.ActivePolicy;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.ProcessorParts;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.registry.GuardRecordReader;
import org.disclosureguard.review.ReviewTopology;
import org.junit.jupiter.api.Test;

/**
 * The answers read a store partition only while its task runs: the markers sit in the sub-topologies of the stores
 * they vouch for, say "running" once the task is initialised (after its restoration) and stop at its close.
 */
class RunningTasksTest {
    private static final Topics TOPICS = Topics.defaults();

    private static Topology topology(RunningTasks running) {
        Map<Granularity, Duration> retention = new EnumMap<>(Granularity.class);
        for (Granularity g : Granularity.values()) {
            retention.put(g, Duration.ofDays(2));
        }
        ActivePolicy active = new ActivePolicy(Policy.bundled());
        return GuardTopology.build(ProcessorParts.of(active, TOPICS, Clock.systemUTC(), GuardConfig.DEFAULT_MAX_RECORD_BYTES),
                false, new MetricsTopology.Settings(retention, Duration.ofMinutes(5)),
                MetricsTopology.reader(GuardRecordReader.of(null)), running);
    }

    private static List<String> queriedStores() {
        List<String> stores = new ArrayList<>(List.of(MetricsTopology.TOTALS_STORE, ReviewTopology.QUARANTINE_STORE));
        for (Granularity g : Granularity.values()) {
            stores.add(g.storeName());
        }
        return stores;
    }

    @Test
    void aStorePartitionRunsFromItsTasksInitialisationToItsClose() {
        RunningTasks running = new RunningTasks();
        Topology topology = topology(running);
        queriedStores().forEach(store -> assertFalse(running.running(store, 0), store + " before any task exists"));
        Properties props = GuardConfig.streamsProperties("running-test", "unused:9092", TOPICS,
                new ActivePolicy(Policy.bundled()), Map.of());
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            queriedStores().forEach(store -> assertTrue(running.running(store, 0), store + " while its task runs"));
            queriedStores().forEach(store -> assertFalse(running.running(store, 1), store + ": partition 1 is not here"));
        }
        queriedStores().forEach(store -> assertFalse(running.running(store, 0), store + " after its task closed"));
    }

    @Test
    void eachMarkerSharesItsSubTopologyWithTheStoresItVouchesFor() {
        TopologyDescription description = topology(new RunningTasks()).describe();
        Map<String, Set<String>> storesByMarker = new HashMap<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            Set<String> stores = new HashSet<>();
            String marker = null;
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                    if (node.name().endsWith("-running")) {
                        marker = node.name();
                    }
                }
            }
            if (marker != null) {
                storesByMarker.put(marker, stores);
            }
        }
        assertEquals(Set.of(MetricsTopology.TOTALS_STORE, Granularity.MINUTE.storeName(), Granularity.HOUR.storeName(),
                Granularity.DAY.storeName()), storesByMarker.get("metrics-running"));
        assertEquals(Set.of(ReviewTopology.QUARANTINE_STORE), storesByMarker.get("review-running"));
        // The counting sub-topology still reads the topic the answers count partitions of.
        assertTrue(description.toString().contains(MetricsTopology.countsTopic("").substring(1)), description.toString());
    }
}
