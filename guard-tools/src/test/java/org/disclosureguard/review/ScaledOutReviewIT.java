package org.disclosureguard.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.review.auth.Role;
import org.disclosureguard.review.auth.UserStore;
import org.disclosureguard.testsupport.ClusterFixture;
import org.disclosureguard.testsupport.Guards;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances in one group answer for the group: a reviewer's list and every record from either instance, an
 * auditor's counts (which the other instance's entries endpoint would refuse the auditor's own login), and, when
 * one instance stops without leaving the group, answers that say they are partial until the group has rebalanced:
 * never a complete answer with fewer records, never a 404 for a record whose owner does not answer.
 */
class ScaledOutReviewIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 12;
    private static EmbeddedKafka broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafka.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void everyInstanceAnswersForTheGroupAndAPartialAnswerSaysSo(@TempDir Path dir) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("in-" + suffix, "out-" + suffix, "rev-" + suffix, "aud-" + suffix);
        broker.createTopics(TopicPlan.newTopics(topics, 4, (short) 1));
        Path users = dir.resolve("users.yaml");
        UserStore.addOrReplace(users, "rita", Role.REVIEWER, "rita-password-1".toCharArray());
        UserStore.addOrReplace(users, "ada", Role.AUDITOR, "ada-password-12".toCharArray());
        String applicationId = "guard-scaled-" + suffix;

        GuardApp first = Guards.start(applicationId, broker.bootstrapServers(), topics, Policy.bundled(), settings(dir, "a", users));
        GuardApp second = Guards.start(applicationId, broker.bootstrapServers(), topics, Policy.bundled(), settings(dir, "b", users));
        try (first) {
            String firstUrl = "http://localhost:" + first.httpPort();
            String secondUrl = "http://localhost:" + second.httpPort();
            List<String> ids = new ArrayList<>();
            try {
                assertTrue(first.awaitRunning(Duration.ofSeconds(60)) && second.awaitRunning(Duration.ofSeconds(60)));
                sendTherapyNotes(topics.input());

                // Both instances list the group's records, completely, and serve each record, whoever owns it.
                JsonNode listed = awaitCompleteList(firstUrl, RECORDS);
                assertEquals(RECORDS, awaitCompleteList(secondUrl, RECORDS).path("records").size());
                listed.path("records").forEach(r -> ids.add(r.path("quarantineId").asText()));
                for (String id : ids) {
                    assertEquals(200, get(firstUrl + "/api/review/records/" + id, "rita", "rita-password-1").statusCode(), id);
                    assertEquals(200, get(secondUrl + "/api/review/records/" + id, "rita", "rita-password-1").statusCode(), id);
                }
                // An auditor's counts are the group's, from either instance.
                for (String url : List.of(firstUrl, secondUrl)) {
                    JsonNode counts = json(get(url + "/api/review/counts", "ada", "ada-password-12"));
                    assertTrue(counts.path("complete").asBoolean(), counts.toString());
                    assertEquals(RECORDS, counts.path("counts").path("state.PENDING").asLong(), counts.toString());
                }
            } finally {
                second.closeRemainingInGroup(Duration.ofSeconds(30));
            }
            // The second instance is gone without leaving the group (as a dead one): until the group notices, the first says its answers
            // are partial; a record of the missing partitions is a 503, never a 404; then the answer is whole again.
            Set<Boolean> seen = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            boolean whole = false;
            while (!whole && System.nanoTime() < deadline) {
                HttpResponse<String> response = get(firstUrl + "/api/review/records", "rita", "rita-password-1");
                assertEquals(200, response.statusCode(), response.body());
                JsonNode answer = json(response);
                boolean complete = answer.path("complete").asBoolean();
                seen.add(complete);
                if (complete) {
                    assertEquals(RECORDS, answer.path("records").size(), "a complete answer has every record: " + answer);
                    whole = true;
                } else {
                    assertFalse(answer.path("unavailable").isEmpty(), "a partial answer names what is missing: " + answer);
                    for (String id : ids) {
                        int status = get(firstUrl + "/api/review/records/" + id, "rita", "rita-password-1").statusCode();
                        assertTrue(status == 200 || status == 503, id + ": " + status);
                    }
                    Thread.sleep(500);
                }
            }
            assertTrue(whole, "the group rebalanced onto the first instance within 90 s");
            assertTrue(seen.contains(false), "the first instance said its answers were partial while the second's partitions had no live owner");
            for (String id : ids) {
                assertEquals(200, get(firstUrl + "/api/review/records/" + id, "rita", "rita-password-1").statusCode(), id);
            }
        }
    }

    private static Map<String, Object> settings(Path dir, String instance, Path users) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + instance).toString());
        settings.put(GuardConfig.HTTP_PORT, 0);
        settings.put(GuardConfig.REVIEW_USERS_FILE, users.toString());
        // The group notices a silent instance after this long (the broker's minimum is 6 s).
        settings.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        return settings;
    }

    private static void sendTherapyNotes(String topic) throws Exception {
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.idempotentProducer(client),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                String caseId = "case-scaled-" + i;
                var event = TestEvents.benign().setCaseId(caseId)
                        .setCaseNotes("Per the therapist, the youth described the crossing in session " + i + ".").build();
                producer.send(new ProducerRecord<>(topic, caseId.getBytes(StandardCharsets.UTF_8), GuardDriver.encode(event))).get();
            }
        }
    }

    private static JsonNode awaitCompleteList(String url, int count) throws Exception {
        JsonNode[] last = new JsonNode[1];
        ClusterFixture.await(() -> {
            try {
                last[0] = json(get(url + "/api/review/records", "rita", "rita-password-1"));
                return last[0].path("complete").asBoolean() && last[0].path("records").size() == count;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(60), () -> url + " lists " + last[0]);
        return last[0];
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String url, String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
