package org.disclosureguard.it;

import org.disclosureguard.testsupport.Guards;
import org.disclosureguard.testsupport.ClusterFixture;
import static org.disclosureguard.testsupport.ClusterFixture.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.cli.Main;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload on a real broker: `publish-policy` puts a new version in force on a running instance without a
 * restart, decisions carry the version they were made under, a bad version is refused (and shown at /policy)
 * while the good one stays, and an instance that starts later is under the same version before its first record.
 */
class PolicyHotReloadIT {
    private static final String NOTES = "Went to the pottery workshop with the group.";
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void aPublishedPolicyTakesEffectWithoutARestart(@TempDir Path dir) throws Exception {
        ClusterFixture cluster = new ClusterFixture(broker, 1);
        String policyTopic = "policy-" + cluster.applicationId;
        broker.createTopics(List.of(TopicPlan.policyTopic(policyTopic, (short) 1)));
        String bundled = bundledText();
        Path current = Files.writeString(dir.resolve("current.yaml"), bundled);
        Path next = Files.writeString(dir.resolve("next.yaml"), bundled.replace("version: \"2026.12.26\"", "version: \"2026.12.27\"")
                .replace("[\"therapy\", \"therapies\", ", "[\"therapy\", \"pottery workshop\", \"therapies\", "));

        Map<String, Object> settings = cluster.appSettings(dir.resolve("state-1"));
        settings.put(GuardConfig.POLICY_TOPIC, policyTopic);
        try (GuardApp app = Guards.start(cluster.applicationId, broker.bootstrapServers(),
                cluster.topics, Policy.bundled(), settings)) {
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "state " + app.state());
            assertEquals(200, get(app, "/health/ready").statusCode());
            assertEquals(200, get(app, "/health/live").statusCode());
            assertEquals("2026.12.26", policy(app).get("version").asText());

            send(cluster, "case-before");
            cluster.awaitDecisions(1, Duration.ofSeconds(30));

            String[] published = cli("publish-policy", "--bootstrap-servers", broker.bootstrapServers(), "--topic", policyTopic,
                    "--policy", next.toString(), "--against", current.toString());
            assertEquals("0", published[0], published[1]);
            assertTrue(published[1].contains("published disclosure-guard-default 2026.12.27 to " + policyTopic), published[1]);
            ClusterFixture.await(() -> "2026.12.27".equals(policy(app).get("version").asText()), Duration.ofSeconds(30),
                    () -> "policy in force: " + policy(app));

            send(cluster, "case-after");
            cluster.awaitDecisions(2, Duration.ofSeconds(30));

            // The same port serves Prometheus (guard, Kafka Streams and JVM metrics) and the dashboards' API.
            String metrics = get(app, "/metrics").body();
            assertTrue(metrics.contains("guard_decisions_total{decision=\"HOLD\"} 1.0"), metrics);
            assertTrue(metrics.contains("kafka_stream_thread_process_rate") && metrics.contains("jvm_memory_used_bytes"),
                    "Kafka Streams and JVM metrics");
            ClusterFixture.await(() -> json(get(app, "/api/metrics?range=15m").body()).path("totals").path("HOLD").asInt() == 1,
                    Duration.ofSeconds(30), () -> get(app, "/api/metrics?range=15m").body());
            JsonNode dashboard = json(get(app, "/api/metrics?range=15m").body());
            assertEquals(1, dashboard.path("totals").path("FORWARD").asInt(), dashboard.toString());
            assertEquals(1, dashboard.path("backlog").path("pending").asInt(), dashboard.toString());
            assertEquals(400, get(app, "/api/metrics?range=2y").statusCode());

            // A version the CLI would not publish, written by another producer: refused, the good one stays.
            String broken = Files.readString(next).replace("version: \"2026.12.27\"", "version: \"2026.12.28\"")
                    .replace("condition: author.role == 'CLINICIAN'", "condition: author.role ==");
            writeRaw(cluster, policyTopic, broken);
            ClusterFixture.await(() -> policy(app).has("lastRefused"), Duration.ofSeconds(30), () -> "status: " + policy(app));
            JsonNode status = policy(app);
            assertEquals("2026.12.27", status.get("version").asText());
            assertTrue(status.get("lastRefused").get("problems").get(0).asText().contains("does not compile"), status.toString());
            String[] refused = cli("publish-policy", "--bootstrap-servers", broker.bootstrapServers(), "--topic", policyTopic,
                    "--policy", Files.writeString(dir.resolve("broken.yaml"), broken).toString());
            assertEquals("1", refused[0], refused[1]);
            assertTrue(refused[1].contains("not published"), refused[1]);

            // A second instance reads the topic to its end before it screens: same version, same refusal.
            Map<String, Object> second = cluster.appSettings(dir.resolve("state-2"));
            second.put(GuardConfig.POLICY_TOPIC, policyTopic);
            try (GuardApp other = Guards.start(cluster.applicationId, broker.bootstrapServers(),
                    cluster.topics, Policy.bundled(), second)) {
                assertEquals("2026.12.27", other.policyStatus().version());
                assertEquals("2026.12.28", other.policyStatus().lastRefusal().version());
            }
        }

        List<ScreeningDecision> decisions = cluster.auditDecisions();
        assertEquals(2, decisions.size());
        ScreeningDecision before = decisions.stream().filter(d -> d.getCaseId().toString().equals("case-before")).findFirst().orElseThrow();
        ScreeningDecision after = decisions.stream().filter(d -> d.getCaseId().toString().equals("case-after")).findFirst().orElseThrow();
        assertEquals(Decision.FORWARD, before.getDecision());
        assertEquals("2026.12.26", before.getPolicyVersion().toString());
        assertEquals(Decision.HOLD, after.getDecision(), "the same text, held under the new version");
        assertEquals("2026.12.27", after.getPolicyVersion().toString());
        assertClean(cluster.check(), 2);
    }

    private static void send(ClusterFixture cluster, String caseId) throws Exception {
        CaseRecordEvent event = TestEvents.benign().setCaseId(caseId).setCaseNotes(NOTES).build();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.idempotentProducer(cluster.clientSettings),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(cluster.topics.input(), caseId.getBytes(StandardCharsets.UTF_8),
                    GuardDriver.encode(event))).get();
        }
    }

    private static void writeRaw(ClusterFixture cluster, String topic, String yaml) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.idempotentProducer(cluster.clientSettings),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "disclosure-guard-default@2026.12.28".getBytes(StandardCharsets.UTF_8),
                    yaml.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static String[] cli(String... args) {
        StringWriter err = new StringWriter();
        var out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        int exit;
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            var commandLine = Main.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            exit = commandLine.execute(args);
        } finally {
            System.setOut(original);
        }
        return new String[] {Integer.toString(exit), out.toString(StandardCharsets.UTF_8) + err};
    }

    private static HttpResponse<String> get(GuardApp app, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.httpPort() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private static JsonNode policy(GuardApp app) {
        try {
            return JSON.readTree(get(app, "/policy").body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String bundledText() throws Exception {
        try (InputStream in = Policy.class.getClassLoader().getResourceAsStream(Policy.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
