package org.disclosureguard.registry;

import org.disclosureguard.testsupport.Guards;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.review.ReviewIT;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.disclosureguard.verify.AuditTrail;
import org.disclosureguard.verify.ConservationChecker;
import org.disclosureguard.verify.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.disclosureguard.cli.Main;
import org.disclosureguard.contract.SchemaCatalog;

/**
 * Registry mode against a real Confluent-compatible registry (Apicurio, ccompat API) and a real broker: the
 * provider writes Confluent-framed events, the guard screens them and writes the enforcement topic in the same
 * framing under the registered enforcement schema; an unknown id, a schema that is not the contract, and a
 * record whose schema cannot be fetched while the registry is down are each rejected with their own reason,
 * nothing of them is forwarded, and the app keeps running. (A refused connection is covered by
 * {@code RegistryClientTest}; here the registry process is paused, because a restarted in-memory registry would
 * have forgotten the schemas the outputs were written with.)
 */
class RegistryModeIT {
    private static EmbeddedKafka broker;
    private static ApicurioRegistry registry;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafka.start();
        registry = ApicurioRegistry.start();
    }

    @AfterAll
    static void stop() {
        registry.close();
        broker.close();
    }

    @Test
    void registryFramedEventsAreScreenedAndBadIdsOrAnOutageAreRejected(@TempDir Path state) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("input-" + suffix, "enforcement-" + suffix, "review-" + suffix, "audit-" + suffix);
        broker.createTopics(TopicPlan.newTopics(topics, 2, (short) 1));
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.put(RegistrySettings.URL, registry.ccompatUrl());
        settings.put(RegistrySettings.MAX_WAIT_MS, 2000);
        settings.put(RegistrySettings.REQUEST_TIMEOUT_MS, 1000);
        settings.put(GuardConfig.WIRE_FORMAT, "registry");
        settings.putAll(GuardConfig.topicSettings(topics));
        RegistryClient client = new RegistryClient(RegistrySettings.parse(settings));

        int events = 300;
        new EventFeeder(settings, topics.input(), 2000, 0.02, 11, events).run(); // registers the input schema, as a provider would
        Map<String, Object> appSettings = new HashMap<>(settings);
        appSettings.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        appSettings.put(GuardConfig.HTTP_PORT, -1);
        try (GuardApp app = Guards.start("guard-registry-" + suffix, broker.bootstrapServers(),
                topics, Policy.bundled(), appSettings)) {
            awaitDecisions(settings, topics, events);
            assertEnforcementIsRegistryFramed(settings, topics, client);

            // An id the registry never issued, and a registered schema that is not the contract.
            send(settings, topics.input(), "unknown-id", frame(987_654, new byte[] {2, 4, 6}));
            Schema foreign = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Other\",\"fields\":[{\"name\":\"x\",\"type\":\"string\"}]}");
            int foreignId = client.register("foreign-" + suffix + "-value", foreign);
            send(settings, topics.input(), "foreign", frame(foreignId, encode(foreign, "{\"x\": \"counseling notes\"}")));

            // A copy of the input schema with other docs: the same contract version under an id the guard has not
            // seen. Written while the registry is down, its schema cannot be fetched.
            Schema variant = withDoc(CaseRecordEvent.getClassSchema(), "a provider's own copy");
            int variantId = client.register("variant-" + suffix + "-value", variant);
            CaseRecordEvent event = new CaseEventGenerator(5).next(CaseEventGenerator.Kind.INTAKE);
            byte[] variantBytes = frame(variantId, encode(variant, event));
            // The provider's usual id, whose schema the guard has cached: records with it are screened during the outage.
            Schema contract = SchemaCatalog.bundled().current(SchemaCatalog.CASE_RECORD_EVENT);
            int inputId = client.lookup(topics.input() + "-value", contract).orElseThrow();
            CaseEventGenerator generator = new CaseEventGenerator(12);
            List<byte[]> usual = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                usual.add(frame(inputId, encode(contract, generator.next().event())));
            }
            registry.pause(); // unreachable: requests time out (a stopped in-memory registry would forget every schema)
            send(settings, topics.input(), "during-outage", variantBytes);
            awaitDecisions(settings, topics, events + 3);
            assertTrue(app.state().isRunningOrRebalancing(), "an unknown id or a registry outage does not stop the app" + " (state " + app.state() + ")");
            for (byte[] value : usual) {
                send(settings, topics.input(), "usual", value);
            }
            awaitDecisions(settings, topics, events + 3 + 20);
            registry.resume();
            awaitDecisions(settings, topics, events + 3 + 20);
            assertTrue(app.state().isRunningOrRebalancing(), "the app is alive (state " + app.state() + ")");
        }

        List<ScreeningDecision> decisions = AuditTrail.read(settings, topics.audit(), Duration.ofSeconds(30));
        assertEquals(events + 3 + 20, decisions.size());
        assertRejected(decisions, "unknown-id", "reject.unknown-schema-id");
        assertRejected(decisions, "foreign", "reject.unknown-schema");
        assertRejected(decisions, "during-outage", "reject.registry-unavailable");

        ConservationChecker.Report report = ConservationChecker.check(settings, topics, CaseEventGenerator.therapyDerivedTexts(),
                Duration.ofSeconds(60));
        assertTrue(report.clean(), report.summary() + "\n" + String.join("\n", report.problems()));
        assertTrue(report.enforcement() > 0, report.summary());

    }

    /**
     * The review workflow (list, show, release redacted, refuse, confirm, the auditor's history) with the review
     * and audit topics in the registry format: the quarantine, the console's API, the CLI and the metrics queries
     * read review records that were written with Confluent framing.
     */
    @Test
    void theReviewWorkflowReadsRegistryFramedReviewRecords(@TempDir Path dir) throws Exception {
        ReviewIT.reviewWorkflow(broker, dir, Map.of(
                RegistrySettings.URL, registry.ccompatUrl(),
                GuardConfig.WIRE_FORMAT, "registry",
                GuardConfig.WIRE_FORMAT_INPUT, "single-object",
                GuardConfig.WIRE_FORMAT_ENFORCEMENT, "single-object"));
    }

    @Test
    void lintChecksThatEachTopicsContractIsRegisteredAndCompatible(@TempDir Path dir) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Path config = java.nio.file.Files.writeString(dir.resolve("guard.properties"), String.join("\n",
                "guard.topic.input=in-" + suffix, "guard.topic.enforcement=out-" + suffix,
                "guard.topic.review=rev-" + suffix, "guard.topic.audit=aud-" + suffix, ""));
        String[] missing = lint("--schema-registry-url", registry.ccompatUrl(), "--config", config.toString());
        assertEquals("1", missing[0], missing[1]);
        assertTrue(missing[1].contains("error:registry (4)") && missing[1].contains("subject in-" + suffix + "-value")
                && missing[1].contains("the subject does not exist"), missing[1]);

        SchemaCatalog catalog = SchemaCatalog.bundled();
        Map<String, Object> settings = Map.of(RegistrySettings.URL, registry.ccompatUrl());
        RegistryClient client = new RegistryClient(RegistrySettings.parse(settings));
        client.register("in-" + suffix + "-value", catalog.current(SchemaCatalog.CASE_RECORD_EVENT));
        client.register("out-" + suffix + "-value", catalog.current(SchemaCatalog.ENFORCEMENT_CASE_EVENT));
        client.register("rev-" + suffix + "-value", catalog.current(SchemaCatalog.QUARANTINED_RECORD));
        client.register("aud-" + suffix + "-value", catalog.current(SchemaCatalog.SCREENING_DECISION));
        String[] clean = lint("--schema-registry-url", registry.ccompatUrl(), "--config", config.toString());
        assertEquals("0", clean[0], clean[1]);

        // Someone registers an incompatible "latest" input version, and the subject enforces BACKWARD.
        client.register("in-" + suffix + "-value", new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"CaseRecordEvent\","
                + "\"namespace\":\"org.disclosureguard.contract\",\"fields\":[{\"name\":\"caseId\",\"type\":\"int\"}]}"));
        java.net.http.HttpResponse<String> rule = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(registry.ccompatUrl() + "/config/in-" + suffix + "-value"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, rule.statusCode(), rule.body());
        String[] incompatible = lint("--schema-registry-url", registry.ccompatUrl(), "--config", config.toString(), "--format", "json");
        assertEquals("1", incompatible[0], incompatible[1]);
        assertTrue(incompatible[1].contains("is not compatible with the latest registered version 2"), incompatible[1]);
    }

    private static String[] lint(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(out, true));
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        return new String[] {Integer.toString(cli.execute(all)), out.toString()};
    }

    /**
     * The agency's side: every enforcement record is Confluent-framed with the id registered under
     * {@code <topic>-value}, and decodes with the schema the registry returns for that id.
     */
    private static void assertEnforcementIsRegistryFramed(Map<String, Object> settings, Topics topics, RegistryClient client)
            throws Exception {
        Schema enforcementSchema = SchemaCatalog.bundled()
                .current(SchemaCatalog.ENFORCEMENT_CASE_EVENT);
        int registered = client.lookup(topics.enforcement() + "-value", enforcementSchema).orElseThrow();
        Schema writer = client.schemaById(registered);
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(settings, topics.enforcement(), Duration.ofSeconds(30));
        assertTrue(!records.isEmpty(), "some events are forwarded");
        for (ConsumerRecord<byte[], byte[]> record : records) {
            byte[] value = record.value();
            assertEquals(0, value[0], "magic byte");
            assertEquals(registered, ByteBuffer.wrap(value, 1, 4).getInt(), "the id registered under the enforcement subject");
            GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer)
                    .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
            assertTrue(decoded.get("eventId") != null && decoded.get("caseId") != null, decoded.toString());
        }
    }

    private static void assertRejected(List<ScreeningDecision> decisions, String key, String ruleId) {
        // Undecodable records have no case id: find them by their rule, one each.
        long count = decisions.stream().filter(d -> d.getDecision() == Decision.REJECT && d.getRuleIds().contains(ruleId)).count();
        assertTrue(count >= 1, "no REJECT with " + ruleId + " (for the '" + key + "' record)");
    }

    private static void awaitDecisions(Map<String, Object> settings, Topics topics, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int seen;
        while ((seen = TopicReader.readAll(settings, topics.audit(), Duration.ofSeconds(30)).size()) < atLeast) {
            assertTrue(System.nanoTime() < deadline, "decisions: " + seen + " of " + atLeast);
            Thread.sleep(500);
        }
    }

    private static void send(Map<String, Object> settings, String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.idempotentProducer(settings),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    private static byte[] frame(int id, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body).array();
    }

    private static byte[] encode(Schema schema, Object datum) throws Exception {
        Object value = datum instanceof String json
                ? new GenericDatumReader<GenericRecord>(schema).read(null, DecoderFactory.get().jsonDecoder(schema, json))
                : datum;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<Object>(schema).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema withDoc(Schema schema, String doc) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(schema.toString());
        json.put("doc", doc);
        return new Schema.Parser().parse(json.toString());
    }
}
