package org.disclosureguard.it;

import org.disclosureguard.testsupport.ClusterFixture;
import static org.disclosureguard.testsupport.ClusterFixture.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.disclosureguard.verify.ConservationChecker;
import org.disclosureguard.verify.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.disclosureguard.cli.Main;
import org.disclosureguard.contract.AvroBytes;

/** The guard on a real (embedded) broker: conservation, poison pills, and a rebalance to a second instance. */
class ScreeningOnBrokerIT {
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
    void everyInputGetsExactlyOneDecisionAndNoTherapyTextCrosses(@TempDir Path state) throws Exception {
        ClusterFixture cluster = new ClusterFixture(broker, 3);
        int events = 3000;
        new EventFeeder(cluster.clientSettings, cluster.topics.input(), 5000, 0.01, 7, events).run();
        try (GuardApp app = cluster.startApp(state)) {
            cluster.awaitDecisions(events, Duration.ofSeconds(90));
            assertTrue(app.state().isRunningOrRebalancing(), "the app is alive (state " + app.state() + ")");
        }
        ConservationChecker.Report report = cluster.check();
        assertClean(report, events);
        assertTrue(report.decisions().get(Decision.HOLD) > 0 && report.decisions().get(Decision.FORWARD_REDACTED) > 0
                && report.decisions().get(Decision.REJECT) > 0, report.summary());
    }

    @Test
    void poisonPillsBecomeRejectsAndTheAppKeepsRunning(@TempDir Path state) throws Exception {
        ClusterFixture cluster = new ClusterFixture(broker, 1);
        byte[] good = encode(new CaseEventGenerator(3).next(CaseEventGenerator.Kind.INTAKE));
        byte[] unknownFingerprint = good.clone();
        unknownFingerprint[5] ^= 0x33;
        // A truncated header (magic bytes, half a fingerprint) is not single-object encoding at all.
        List<byte[]> values = List.of(good, new byte[] {(byte) 0xC3, 0x01, 1, 2}, good,
                "not avro at all".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(good, good.length - 7), good,
                unknownFingerprint, new byte[0], good);
        Map<String, Object> producerSettings = new HashMap<>(cluster.clientSettings);
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (GuardApp app = cluster.startApp(state);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(cluster.topics.input(), "k".getBytes(StandardCharsets.UTF_8), value)).get();
            }
            cluster.awaitDecisions(values.size(), Duration.ofSeconds(60));
            assertTrue(app.state().isRunningOrRebalancing(), "poison pills must not stop the app" + " (state " + app.state() + ")");
        }
        List<ConsumerRecord<byte[], byte[]>> audit = TopicReader.readAll(cluster.clientSettings, cluster.topics.audit(), Duration.ofSeconds(30));
        List<String> rules = audit.stream().map(r -> decode(r.value())).map(d -> d.getDecision() + ":" + String.join(",", d.getRuleIds())).toList();
        assertEquals(List.of("FORWARD:", "REJECT:reject.not-avro", "FORWARD:", "REJECT:reject.not-avro", "REJECT:reject.malformed",
                "FORWARD:", "REJECT:reject.unknown-schema", "REJECT:reject.empty", "FORWARD:"), rules);
        assertClean(cluster.check(), values.size());
    }

    @Test
    void aSecondInstanceJoiningMidStreamLosesAndDuplicatesNothing(@TempDir Path stateA, @TempDir Path stateB) throws Exception {
        ClusterFixture cluster = new ClusterFixture(broker, 4);
        int events = 4000;
        EventFeeder feeder = new EventFeeder(cluster.clientSettings, cluster.topics.input(), 400, 0.01, 11, events);
        Thread feeding = new Thread(feeder, "it-feeder");
        try (GuardApp first = cluster.startApp(stateA)) {
            feeding.start();
            cluster.awaitDecisions(800, Duration.ofSeconds(60));
            try (GuardApp second = cluster.startApp(stateB)) {
                feeding.join();
                cluster.awaitDecisions(events, Duration.ofSeconds(120));
                assertTrue(first.state().isRunningOrRebalancing(), "the app is alive (state " + first.state() + ")");
                assertTrue(second.state().isRunningOrRebalancing(), "the app is alive (state " + second.state() + ")");
                assertTrue(second.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty()),
                        "the second instance took over some partitions");
            }
        }
        assertClean(cluster.check(), events);
    }

    @Test
    void topicsCreatesTheTopicsAndProduceFeedsTheInput(@TempDir Path dir) throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        Path config = dir.resolve("guard.properties");
        java.nio.file.Files.writeString(config, String.join("\n",
                "bootstrap.servers=" + broker.bootstrapServers(),
                "guard.topic.input=in-" + suffix, "guard.topic.enforcement=enf-" + suffix,
                "guard.topic.review=rev-" + suffix, "guard.topic.audit=aud-" + suffix, ""));
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        int topicsExit;
        int generateExit;
        int fileExit;
        try {
            System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            topicsExit = Main.commandLine().execute("topics", "--config", config.toString(),
                    "--partitions", "2", "--replication-factor", "1");
            generateExit = Main.commandLine().execute("produce", "--config", config.toString(),
                    "--generate", "50", "--rate", "5000");
            fileExit = Main.commandLine().execute("produce", "--config", config.toString(),
                    "--input", "examples/case-events.jsonl");
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, topicsExit, printed);
        assertTrue(printed.contains("created all topics") && printed.contains("--transactional-id"), printed);
        assertEquals(0, generateExit, printed);
        assertEquals(2, fileExit, "the example file has 4 invalid lines: skipped and reported");
        assertTrue(printed.contains("sent 16 events"), printed);
        long inputs = TopicReader.readAll(Map.of("bootstrap.servers", broker.bootstrapServers()), "in-" + suffix,
                Duration.ofSeconds(30)).size();
        assertEquals(66, inputs);
    }

    @Test
    void runRefusesToStartWhenATopicIsMissing() {
        java.io.StringWriter err = new java.io.StringWriter();
        var cli = Main.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute("run", "--bootstrap-servers", broker.bootstrapServers(), "--startup-timeout", "20");
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("missing topics") && err.toString().contains("provider.case-events"), err.toString());
    }

    private static byte[] encode(CaseRecordEvent event) {
        return AvroBytes.of(event::toByteBuffer);
    }

    private static ScreeningDecision decode(byte[] value) {
        try {
            return ScreeningDecision.fromByteBuffer(ByteBuffer.wrap(value));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
