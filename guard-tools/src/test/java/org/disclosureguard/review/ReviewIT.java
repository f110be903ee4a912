package org.disclosureguard.review;

import org.disclosureguard.review.auth.Role;
import org.disclosureguard.review.auth.UserStore;
import org.disclosureguard.testsupport.Guards;
import org.disclosureguard.testsupport.ReviewUsers;
import org.disclosureguard.pipeline.PayloadSeal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.cli.Main;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.InformationSource;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.verify.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reviewer works through the quarantine of a running guard with the `review` CLI: lists the held records, reads
 * one (with its reasons and the matched span marked), releases a redacted version that passes the screen again,
 * confirms the other hold; the enforcement and decision topics show exactly that. An auditor sees history, not
 * payloads; a wrong password gets nothing.
 */
public class ReviewIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTES = "Moved to cottage 3. Per the therapist, the boy described the crossing at night.";
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
    void aReviewerReleasesOneRecordAndConfirmsAnother(@TempDir Path dir) throws Exception {
        reviewWorkflow(broker, dir, Map.of());
    }

    /**
     * The whole workflow on {@code broker}, with {@code wireSettings} added to the guard's settings (RegistryModeIT
     * runs it with the review and audit topics in the registry format, which every reader of the quarantine must read).
     */
    public static void reviewWorkflow(EmbeddedKafka broker, Path dir, Map<String, Object> wireSettings) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("in-" + suffix, "out-" + suffix, "rev-" + suffix, "aud-" + suffix);
        broker.createTopics(TopicPlan.newTopics(topics, 2, (short) 1));
        Path users = ReviewUsers.write(dir);
        UserStore.addOrReplace(users, "ann", Role.ADMIN, "ann-password-12".toCharArray());
        Path ritaPassword = Files.writeString(dir.resolve("rita.pw"), "rita-password-1");
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        settings.put(GuardConfig.HTTP_PORT, 0);
        settings.put(GuardConfig.REVIEW_USERS_FILE, users.toString());
        settings.put(GuardConfig.REVIEW_SEAL_KEY, PayloadSeal.newKey("k1"));
        settings.putAll(wireSettings);
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());

        try (GuardApp app = Guards.start("guard-review-" + suffix, broker.bootstrapServers(), topics,
                Policy.bundled(), settings)) {
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)));
            send(client, topics.input(), TestEvents.benign().setCaseId("case-notes").setCaseNotes(NOTES).build());
            send(client, topics.input(), TestEvents.benign().setCaseId("case-source")
                    .setInformationSource(InformationSource.INDIVIDUAL_COUNSELING).build());
            String url = "http://localhost:" + app.httpPort();
            String[] listed = awaitListed(url, ritaPassword, 2);
            Matcher ids = Pattern.compile("(rev-[^ ]+|in-" + suffix + "-\\d+-\\d+)").matcher(listed[1]);
            List<String> found = new java.util.ArrayList<>();
            while (ids.find()) {
                found.add(ids.group(1));
            }
            assertEquals(2, found.size(), listed[1]);

            // Find which is which by showing them; the look is audited.
            String notesId = null;
            String sourceId = null;
            for (String id : found) {
                String[] shown = cli("review", "show", id, "--url", url, "--user", "rita", "--password-file", ritaPassword.toString());
                assertEquals("0", shown[0], shown[1]);
                if (shown[1].contains("case case-notes")) {
                    notesId = id;
                    assertTrue(shown[1].contains("[[therapist]]"), "the matched span is marked: " + shown[1]);
                    assertTrue(shown[1].contains("Legal basis:"), shown[1]);
                } else {
                    sourceId = id;
                    assertTrue(shown[1].contains("provenance.counseling-source"), shown[1]);
                }
            }
            int cutFrom = NOTES.indexOf("Per the therapist");
            String[] released = cli("review", "decide", notesId, "--action", "release-redacted", "--justification", "therapy sentence cut",
                    "--cut", "caseNotes:" + cutFrom + ":" + NOTES.length(), "--url", url, "--user", "rita", "--password-file", ritaPassword.toString());
            assertEquals("0", released[0], released[1]);
            assertTrue(released[1].startsWith("RELEASED_REDACTED"), released[1]);
            String[] falsePositive = cli("review", "decide", sourceId, "--action", "false-positive", "--justification", "fine",
                    "--url", url, "--user", "rita", "--password-file", ritaPassword.toString());
            assertTrue(falsePositive[1].startsWith("REFUSED") && falsePositive[1].contains("provenance"), falsePositive[1]);
            String[] confirmed = cli("review", "decide", sourceId, "--action", "confirm-hold", "--justification", "counseling source",
                    "--url", url, "--user", "rita", "--password-file", ritaPassword.toString());
            assertTrue(confirmed[1].startsWith("CONFIRMED_HOLD"), confirmed[1]);

            // A bulk confirmation leaves out a record another reviewer has claimed, and says so.
            send(client, topics.input(), TestEvents.benign().setCaseId("case-bulk-1")
                    .setInformationSource(InformationSource.INDIVIDUAL_COUNSELING).build());
            send(client, topics.input(), TestEvents.benign().setCaseId("case-bulk-2")
                    .setInformationSource(InformationSource.INDIVIDUAL_COUNSELING).build());
            awaitListed(url, ritaPassword, 2);
            JsonNode pending = JSON.readTree(ReviewUsers.get(url + "/api/review/records?q=case-bulk", "rita", "rita-password-1").body());
            String claimedId = pending.path("records").get(0).path("quarantineId").asText();
            HttpResponse<String> claimed = ReviewUsers.post(url + "/api/review/records/" + claimedId + "/decisions", "ann",
                    "ann-password-12", "{\"action\": \"claim\"}");
            assertTrue(claimed.body().contains("CLAIMED"), claimed.body());
            HttpResponse<String> bulk = ReviewUsers.post(url + "/api/review/bulk/confirm-hold", "rita", "rita-password-1",
                    "{\"filter\": {\"q\": \"case-bulk\"}, \"expected\": 2, \"justification\": \"counseling sources\"}");
            assertEquals(200, bulk.statusCode(), bulk.body());
            assertEquals(1, JSON.readTree(bulk.body()).path("sent").asInt(), bulk.body());
            assertEquals(1, JSON.readTree(bulk.body()).path("claimedByOthers").asInt(), bulk.body());

            // A decision body over the limit is refused unread, not buffered whole.
            HttpResponse<String> huge = ReviewUsers.post(url + "/api/review/records/" + sourceId + "/decisions", "rita", "rita-password-1",
                    "{\"action\":\"confirm_hold\",\"justification\":\"" + "x".repeat(100_000) + "\"}");
            assertEquals(413, huge.statusCode(), huge.body());

            // Roles and credentials.
            assertEquals(401, ReviewUsers.get(url + "/api/review/records", "rita", "wrong-password").statusCode());
            // Wrong passwords lock rita out from this address, even with the right one; an admin lifts it with the CLI.
            for (int i = 1; i < UserStore.MAX_FAILURES; i++) {
                assertEquals(401, ReviewUsers.get(url + "/api/review/records", "rita", "wrong-password").statusCode());
            }
            assertEquals(401, ReviewUsers.get(url + "/api/review/records", "rita", "rita-password-1").statusCode(), "locked out from here");
            Path adaPassword = Files.writeString(dir.resolve("ada.pw"), "ada-password-12");
            Path annPassword = Files.writeString(dir.resolve("ann.pw"), "ann-password-12");
            String[] byAuditor = cli("review", "unlock", "rita", "--url", url, "--user", "ada", "--password-file", adaPassword.toString());
            assertTrue(!"0".equals(byAuditor[0]) && byAuditor[1].contains("403"), "only an admin unlocks: " + byAuditor[1]);
            String[] unlocked = cli("review", "unlock", "rita", "--url", url, "--user", "ann", "--password-file", annPassword.toString());
            assertEquals("0", unlocked[0], unlocked[1]);
            assertTrue(unlocked[1].contains("rita unlocked (it was locked) on every instance"), unlocked[1]);
            assertEquals(200, ReviewUsers.get(url + "/api/review/records", "rita", "rita-password-1").statusCode(), "unlocked");
            assertEquals(403, ReviewUsers.get(url + "/api/review/records/" + notesId, "ada", "ada-password-12").statusCode(), "auditors see no payloads");
            HttpResponse<String> history = ReviewUsers.get(url + "/api/review/history", "ada", "ada-password-12");
            assertEquals(200, history.statusCode());
            assertTrue(history.body().contains("\"complete\":true") && history.body().contains("\"unavailable\":[]"),
                    "a single instance answers for the whole group: " + history.body());
            assertTrue(history.body().contains("RELEASED_REDACTED") && history.body().contains("VIEWED") && !history.body().contains("crossing"),
                    history.body());
        }

        // The enforcement topic has the redacted release, the decisions topic every outcome, neither any therapy text.
        List<ConsumerRecord<byte[], byte[]>> enforcement = TopicReader.readAll(client, topics.enforcement(), Duration.ofSeconds(30));
        List<String> releasedNotes = enforcement.stream()
                .filter(r -> r.headers().lastHeader(ReviewTopology.RELEASED_FROM_HEADER) != null)
                .map(r -> new GuardDriver.EnforcementReader().caseNotes(r.value())).toList();
        assertEquals(List.of("Moved to cottage 3. "), releasedNotes);
        List<String> decisions = TopicReader.readAll(client, topics.reviewDecisions(), Duration.ofSeconds(30)).stream()
                .map(r -> ReviewModel.read(r.value(), ReviewModel.Event.class).type().name()).toList();
        assertTrue(decisions.containsAll(List.of("VIEWED", "RELEASED_REDACTED", "REFUSED", "CONFIRMED_HOLD")), decisions.toString());
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(client, topics.reviewDecisions(), Duration.ofSeconds(30))) {
            assertTrue(!new String(r.value(), StandardCharsets.UTF_8).contains("crossing"), "no record text in decisions");
        }
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(client, topics.review(), Duration.ofSeconds(30))) {
            assertTrue(!new String(r.value(), StandardCharsets.ISO_8859_1).contains("crossing"), "the review topic is sealed");
        }
    }

    private static String[] awaitListed(String url, Path password, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String[] listed;
        do {
            listed = cli("review", "list", "--url", url, "--user", "rita", "--password-file", password.toString());
            if (listed[1].contains(count + " record(s)")) {
                return listed;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not listed: " + listed[1]);
    }

    private static void send(Map<String, Object> client, String topic, CaseRecordEvent event) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.idempotentProducer(client),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, event.getCaseId().getBytes(StandardCharsets.UTF_8), GuardDriver.encode(event))).get();
        }
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        int exit = commandLine.execute(args);
        return new String[] {Integer.toString(exit), out.toString()};
    }

}
