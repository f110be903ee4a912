package org.disclosureguard.metrics;

import org.disclosureguard.pipeline.ProcessorParts;
import org.disclosureguard.app.GuardTopology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.disclosureguard.contract.AvroBytes;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.contract.audit.SourceCoordinates;
import org.disclosureguard.pipeline.ActivePolicy;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.registry.GuardRecordReader;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.junit.jupiter.api.Test;
import org.disclosureguard.review.ReviewModel;
import org.disclosureguard.review.ReviewTopology;

/** The dashboards' aggregations: they add up to the audit stream, windows are by event time, late records honour the grace. */
class MetricsTopologyTest {
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static TopologyTestDriver driver(Topics topics) {
        Map<Granularity, Duration> retention = new EnumMap<>(Granularity.class);
        retention.put(Granularity.MINUTE, Duration.ofHours(3));
        retention.put(Granularity.HOUR, Duration.ofDays(3));
        retention.put(Granularity.DAY, Duration.ofDays(35));
        ActivePolicy active = new ActivePolicy(Policy.bundled());
        Properties props = GuardConfig.streamsProperties("metrics-test", "unused:9092", topics, active, Map.of());
        return new TopologyTestDriver(GuardTopology.build(ProcessorParts.of(active, topics, Clock.systemUTC(),
                GuardConfig.DEFAULT_MAX_RECORD_BYTES), false, new MetricsTopology.Settings(retention, GRACE), MetricsTopology.reader(GuardRecordReader.of(null))), props);
    }

    @Test
    void theCountsAddUpToTheAuditStream() {
        Topics topics = Topics.defaults();
        try (TopologyTestDriver driver = driver(topics)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(topics.input(), new ByteArraySerializer(), new ByteArraySerializer());
            CaseEventGenerator generator = new CaseEventGenerator(3);
            for (int i = 0; i < 400; i++) {
                var event = generator.next().event();
                input.pipeInput(new TestRecord<>(event.getCaseId().getBytes(StandardCharsets.UTF_8), GuardDriver.encode(event), null,
                        T0.plusSeconds(i)));
            }
            input.pipeInput(new TestRecord<>(null, new byte[] {1, 2, 3}, null, T0.plusSeconds(400))); // a poison pill: a REJECT

            List<ScreeningDecision> audit = driver.createOutputTopic(topics.audit(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readValuesToList().stream().map(GuardDriver::decodeAudit).toList();
            assertEquals(401, audit.size());
            Map<String, Long> expected = new HashMap<>();
            audit.forEach(d -> Dimension.keysOf(d).forEach(k -> expected.merge(k, 1L, Long::sum)));

            KeyValueStore<String, Long> totals = driver.getKeyValueStore(MetricsTopology.TOTALS_STORE);
            Map<String, Long> actual = new HashMap<>();
            try (KeyValueIterator<String, Long> it = totals.all()) {
                it.forEachRemaining(kv -> actual.put(kv.key, kv.value));
            }
            assertEquals(expected, actual, "all-time totals are exactly the audit stream's counts");
            assertTrue(driver.producedTopicNames().contains(MetricsTopology.countsTopic("metrics-test")),
                    "the counts are partitioned by the topic the dashboards' queries count partitions of: " + driver.producedTopicNames());
            assertTrue(actual.getOrDefault("decision|HOLD", 0L) > 0 && actual.getOrDefault("decision|REJECT", 0L) == 1, actual.toString());

            // Per-minute windows: 401 records over 400 s fall into 7 minutes, and sum to the same decision counts.
            WindowStore<String, Long> minutes = driver.getWindowStore(Granularity.MINUTE.storeName());
            Map<String, Long> fromWindows = new HashMap<>();
            int windows = 0;
            try (KeyValueIterator<Windowed<String>, Long> it = minutes.fetchAll(T0.minusSeconds(60), T0.plusSeconds(3600))) {
                while (it.hasNext()) {
                    KeyValue<Windowed<String>, Long> kv = it.next();
                    fromWindows.merge(kv.key.key(), kv.value, Long::sum);
                    if (kv.key.key().startsWith("decision|")) {
                        windows = Math.max(windows, (int) ((kv.key.window().start() - T0.toEpochMilli()) / 60_000) + 1);
                    }
                }
            }
            assertEquals(expected, fromWindows);
            assertEquals(7, windows);

            // Every window update also reaches the metrics topic, as JSON without content.
            List<KeyValue<String, String>> published = driver.createOutputTopic(topics.metrics(), new StringDeserializer(),
                    new StringDeserializer()).readKeyValuesToList();
            assertTrue(published.stream().anyMatch(kv -> kv.key.startsWith("minute|decision|HOLD|")
                    && kv.value.contains("\"dimension\":\"decision\"") && kv.value.contains("\"key\":\"HOLD\"")), published.get(0).toString());

            // The backlog the dashboards show: every held or rejected decision is a PENDING entry for review.
            KeyValueStore<String, byte[]> quarantine = driver.getKeyValueStore(ReviewTopology.QUARANTINE_STORE);
            long pending = 0;
            try (KeyValueIterator<String, byte[]> it = quarantine.all()) {
                while (it.hasNext()) {
                    var entry = ReviewModel.readEntry(it.next().value);
                    assertEquals(ReviewModel.State.PENDING, entry.state());
                    pending++;
                }
            }
            assertEquals(audit.stream().filter(d -> d.getDecision() == Decision.HOLD || d.getDecision() == Decision.REJECT).count(), pending);
        }
    }

    @Test
    void aLateDecisionCountsWithinTheGraceAndIsDroppedAfterIt() {
        Topics topics = Topics.defaults();
        try (TopologyTestDriver driver = driver(topics)) {
            TestInputTopic<byte[], byte[]> audit = driver.createInputTopic(topics.audit(), new ByteArraySerializer(), new ByteArraySerializer());
            audit.pipeInput(decision(Decision.HOLD, "FAC-1"), T0.plusSeconds(10));
            audit.pipeInput(decision(Decision.FORWARD, "FAC-2"), T0.plusSeconds(4 * 60)); // stream time: T0 + 4 min
            audit.pipeInput(decision(Decision.HOLD, "FAC-1"), T0.plusSeconds(20)); // late, but within the 5 min grace
            audit.pipeInput(decision(Decision.FORWARD, "FAC-2"), T0.plusSeconds(10 * 60)); // stream time: T0 + 10 min
            audit.pipeInput(decision(Decision.HOLD, "FAC-1"), T0.plusSeconds(30)); // too late: the first minute is closed

            WindowStore<String, Long> minutes = driver.getWindowStore(Granularity.MINUTE.storeName());
            assertEquals(2L, minutes.fetch("decision|HOLD", T0.toEpochMilli()), "the late one within the grace counted");
            assertEquals(2L, minutes.fetch("facility|FAC-1", T0.toEpochMilli()));
            assertNull(minutes.fetch("facility|FAC-2", T0.toEpochMilli()), "forwarded records are not blocks of a facility");
            // The all-time totals have no window to close: they count the late one too.
            KeyValueStore<String, Long> totals = driver.getKeyValueStore(MetricsTopology.TOTALS_STORE);
            assertEquals(3L, totals.get("decision|HOLD"));
        }
    }

    private static byte[] decision(Decision decision, String facility) {
        ScreeningDecision record = ScreeningDecision.newBuilder()
                .setDecisionId("t-0-" + System.nanoTime()).setDecision(decision)
                .setRuleIds(decision == Decision.HOLD ? List.of("field.therapy") : List.of()).setDroppedFields(List.of())
                .setFacilityId(facility).setEventType("INTAKE").setInformationSource("CASE_MANAGER")
                .setQuarantineId(decision == Decision.HOLD ? "q" : null).setPolicyId("p").setPolicyVersion("1")
                .setSource(new SourceCoordinates("in", 0, 0L, T0)).setDecidedAt(T0).build();
        return AvroBytes.of(record::toByteBuffer);
    }
}
