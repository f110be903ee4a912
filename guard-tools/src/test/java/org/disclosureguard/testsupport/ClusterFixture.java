package org.disclosureguard.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.embedded.KafkaBroker;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.disclosureguard.verify.ConservationChecker;
import org.disclosureguard.verify.TopicReader;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.verify.AuditTrail;

/** One test's topics (unique names) and app settings on a broker, plus the waits and the check the broker tests use. */
public final class ClusterFixture {
    public final KafkaBroker broker;
    public final Topics topics;
    public final String applicationId;
    public final Map<String, Object> clientSettings;

    public ClusterFixture(KafkaBroker broker, int partitions) {
        this.broker = broker;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.topics = new Topics("input-" + suffix, "enforcement-" + suffix, "review-" + suffix, "audit-" + suffix);
        this.applicationId = "guard-it-" + suffix;
        this.clientSettings = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        broker.createTopics(TopicPlan.newTopics(topics, partitions, (short) 1));
    }

    /** App settings tuned for fast failure detection in tests (a crashed member leaves the group within seconds). */
    public Map<String, Object> appSettings(Path stateDir) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.putAll(GuardConfig.topicSettings(topics));
        settings.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6000);
        settings.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1000);
        settings.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 10000);
        settings.put(GuardConfig.HTTP_PORT, 0); // several instances on one machine: any free port each
        settings.put(GuardConfig.HEALTH_CLUSTER_TIMEOUT_MS, 3000L); // readiness follows an outage within seconds
        return settings;
    }

    public GuardApp startApp(Path stateDir) {
        return Guards.start(applicationId, broker.bootstrapServers(), topics, Policy.bundled(), appSettings(stateDir));
    }

    /** Writes the app settings as the properties file that `run --config` reads. */
    public Path writeRunConfig(Path file, Path stateDir) throws IOException {
        Properties properties = new Properties();
        appSettings(stateDir).forEach((k, v) -> properties.setProperty(k, String.valueOf(v)));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "integration test");
        }
        return file;
    }

    public long committedDecisions() {
        return TopicReader.readAll(clientSettings, topics.audit(), Duration.ofSeconds(30)).size();
    }

    /** The HTTP status of {@code path} on the app (e.g. /health/ready). */
    public static int httpStatus(GuardApp app, String path) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + app.httpPort() + path))
                    .timeout(Duration.ofSeconds(5)).build();
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public void awaitDecisions(long atLeast, Duration timeout) throws InterruptedException {
        await(() -> committedDecisions() >= atLeast, timeout, () -> "decisions: " + committedDecisions() + " of " + atLeast);
    }

    public List<ScreeningDecision> auditDecisions() {
        return AuditTrail.read(clientSettings, topics.audit(), Duration.ofSeconds(30));
    }

    public ConservationChecker.Report check() {
        return ConservationChecker.check(clientSettings, topics, CaseEventGenerator.therapyDerivedTexts(), Duration.ofSeconds(60));
    }

    public static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> status) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s; " + status.get());
            }
            Thread.sleep(500);
        }
    }

    public static void assertClean(ConservationChecker.Report report, long expectedInputs) {
        assertTrue(report.clean(), report.summary() + "\n" + String.join("\n", report.problems()));
        assertTrue(report.inputs() == expectedInputs, "expected " + expectedInputs + " inputs: " + report.summary());
    }
}
