package org.disclosureguard.it;

import org.disclosureguard.testsupport.ClusterFixture;
import static org.disclosureguard.testsupport.ClusterFixture.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.LengthBombs;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.verify.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.disclosureguard.pipeline.GuardConfig;

/**
 * The records that used to stop a partition for good, through a real broker and the real producer limits: length
 * bombs at every length and count of the contract (strings, arrays, maps), bytes after a complete record, a held
 * record of 990 KB (its quarantine-store entry must still fit the changelog) and a 1.1 MB key. Each gets exactly one
 * decision, and a good record after them is decided: the partition keeps advancing.
 */
class HostileRecordsIT {
    private static EmbeddedKafka broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyHostileRecordGetsOneDecisionAndThePartitionKeepsAdvancing(@TempDir Path state) throws Exception {
        ClusterFixture cluster = new ClusterFixture(broker, 1);
        allowLargeInputRecords(cluster);

        var counseling = TestEvents.counseling("weekly session");
        counseling.setDisclosures(List.of("one", "two"));
        byte[] valid = GuardDriver.encode(TestEvents.benign().setCaseNotes("Youth attended school.").setCounseling(counseling)
                .setAttributes(new HashMap<>(Map.of("unit", "B"))).build());
        List<byte[]> bombs = LengthBombs.atEveryLength(valid, 2_000_000_000L);
        byte[] trailing = Arrays.copyOf(valid, valid.length + 5);
        String notes = "Per therapist, youth shared in session today what happened. " + "Routine observation. ".repeat(42_000);
        byte[] held = GuardDriver.encode(TestEvents.benign().setCaseNotes(notes).build());
        assertTrue(held.length > 870_000 && held.length < GuardConfig.DEFAULT_MAX_RECORD_BYTES, "a held record just under the limit: " + held.length);
        byte[] good = GuardDriver.encode(TestEvents.benign().build());

        List<ProducerRecord<byte[], byte[]>> inputs = new ArrayList<>();
        byte[] key = "case-42".getBytes(StandardCharsets.UTF_8);
        bombs.forEach(bomb -> inputs.add(new ProducerRecord<>(cluster.topics.input(), key, bomb)));
        inputs.add(new ProducerRecord<>(cluster.topics.input(), key, trailing));
        inputs.add(new ProducerRecord<>(cluster.topics.input(), key, held));
        inputs.add(new ProducerRecord<>(cluster.topics.input(), new byte[1_100_000], "garbage".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new ProducerRecord<>(cluster.topics.input(), key, good));

        Map<String, Object> producerSettings = new HashMap<>(cluster.clientSettings);
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerSettings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        try (GuardApp app = cluster.startApp(state);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> input : inputs) {
                producer.send(input).get();
            }
            cluster.awaitDecisions(inputs.size(), Duration.ofSeconds(120));
            assertTrue(app.state().isRunningOrRebalancing(), "hostile records must not stop the app (state " + app.state() + ")");
        }

        List<ConsumerRecord<byte[], byte[]>> audit = TopicReader.readAll(cluster.clientSettings, cluster.topics.audit(), Duration.ofSeconds(30));
        List<String> decisions = audit.stream().map(r -> decode(r.value())).map(d -> d.getDecision() + ":" + String.join(",", d.getRuleIds())).toList();
        assertEquals(inputs.size(), decisions.size(), "one decision per input: " + decisions);
        for (int i = 0; i < bombs.size(); i++) {
            assertEquals("REJECT:reject.malformed", decisions.get(i), "bomb " + i);
        }
        assertEquals("REJECT:reject.malformed", decisions.get(bombs.size()), "trailing bytes");
        assertEquals("HOLD:content.therapy-reference", decisions.get(bombs.size() + 1), "the 882 KB record is held");
        assertEquals("REJECT:reject.oversized", decisions.get(bombs.size() + 2), "the 1.1 MB key");
        assertEquals("FORWARD:", decisions.get(bombs.size() + 3), "the record after them is decided");
        assertTrue(bombs.size() >= 12, "bombs at strings, arrays and maps: " + bombs.size());
        assertClean(cluster.check(), inputs.size());
    }

    /** The provider's topic may take records above the broker's 1 MB default; the guard must still not wedge. */
    private static void allowLargeInputRecords(ClusterFixture cluster) throws Exception {
        try (Admin admin = Admin.create(cluster.clientSettings)) {
            ConfigResource input = new ConfigResource(ConfigResource.Type.TOPIC, cluster.topics.input());
            admin.incrementalAlterConfigs(Map.of(input, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024)),
                    AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    private static ScreeningDecision decode(byte[] value) {
        try {
            return ScreeningDecision.fromByteBuffer(ByteBuffer.wrap(value));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
