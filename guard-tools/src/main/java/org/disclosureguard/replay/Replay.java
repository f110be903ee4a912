package org.disclosureguard.replay;

import org.disclosureguard.app.GuardTopology;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.disclosureguard.contract.PlainJson;
import org.disclosureguard.contract.QuarantinedRecords;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.GuardHeaders;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.screen.Screener;

/**
 * Dry run: the production topology over a JSON-lines file, through Kafka Streams' TopologyTestDriver (no
 * broker). Each line becomes one input record, so the audit output has one decision per line and a record's
 * {@code source.offset + 1} is its line number. A line that is not valid JSON or does not fit the contract is
 * sent through the topology too, marked with the conversion error, and comes out as a REJECT.
 */
public final class Replay {
    public static final String ENFORCEMENT_FILE = "enforcement.jsonl";
    public static final String REVIEW_FILE = "review.jsonl";
    public static final String AUDIT_FILE = "audit.jsonl";

    private final Policy policy;

    /** Counts per decision, in the order of the Decision enum. */
    public record Summary(long lines, Map<Decision, Long> counts) {
        public long count(Decision decision) {
            return counts.getOrDefault(decision, 0L);
        }

        public String line() {
            return String.format("%d records: %d forwarded, %d forwarded redacted, %d held, %d rejected",
                    lines, count(Decision.FORWARD), count(Decision.FORWARD_REDACTED), count(Decision.HOLD),
                    count(Decision.REJECT));
        }
    }

    public Replay(Policy policy) {
        this.policy = policy;
    }

    public Summary run(Path input, Path outDir) throws IOException {
        Topics topics = Topics.defaults();
        Properties props = GuardConfig.streamsProperties("disclosure-guard-replay", "replay:9092", topics, policy, Map.of());
        Files.createDirectories(outDir);
        // A state folder of its own: two replays at once (two evaluations, a test and a command) must not share
        // the driver's stores; outside the OS temp directory, where an evaluation's output lives.
        Path stateDir = StateFolders.fresh("replay-state-");
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try {
            return run(input, outDir, topics, props);
        } finally {
            deleteRecursively(stateDir);
        }
    }

    private Summary run(Path input, Path outDir, Topics topics, Properties props) throws IOException {
        JsonLineConverter converter = new JsonLineConverter();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                GuardTopology.build(new Screener(policy), topics, Clock.systemUTC()), props)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(topics.input(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            long lines = 0;
            try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    in.pipeInput(toInputRecord(line, lines, converter));
                }
            }
            SingleObjectCodec enforcementCodec = new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.ENFORCEMENT_CASE_EVENT);
            writeLines(outDir.resolve(ENFORCEMENT_FILE), output(driver, topics.enforcement()), bytes -> {
                try {
                    return PlainJson.toJson(enforcementCodec.decode(bytes)).toString();
                } catch (Exception e) {
                    throw new IllegalStateException("the guard wrote an enforcement record it cannot read back", e);
                }
            });
            writeLines(outDir.resolve(REVIEW_FILE), output(driver, topics.review()),
                    bytes -> PlainJson.toJson(decode(() -> QuarantinedRecords.decode(bytes))).toString());
            Map<Decision, Long> counts = new EnumMap<>(Decision.class);
            writeLines(outDir.resolve(AUDIT_FILE), output(driver, topics.audit()), bytes -> {
                ScreeningDecision decision = decode(() -> ScreeningDecision.fromByteBuffer(java.nio.ByteBuffer.wrap(bytes)));
                counts.merge(decision.getDecision(), 1L, Long::sum);
                return PlainJson.toJson(decision).toString();
            });
            return new Summary(lines, counts);
        }
    }

    private static TestRecord<byte[], byte[]> toInputRecord(String line, long lineNumber, JsonLineConverter converter) {
        JsonLineConverter.Converted converted = converter.convert(line, lineNumber);
        if (converted.ok()) {
            return new TestRecord<>(converted.key(), converted.value(), new RecordHeaders(),
                    Instant.ofEpochMilli(converted.timestamp()));
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(GuardHeaders.INPUT_ERROR, converted.error().getBytes(StandardCharsets.UTF_8)));
        return new TestRecord<>(null, line.getBytes(StandardCharsets.UTF_8), headers, Instant.now());
    }

    private static List<byte[]> output(TopologyTestDriver driver, String topic) {
        TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        return out.readValuesToList();
    }

    private interface Renderer {
        String render(byte[] value);
    }

    private static void writeLines(Path file, List<byte[]> values, Renderer renderer) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (byte[] value : values) {
                writer.write(renderer.render(value));
                writer.write('\n');
            }
        }
    }

    private interface Decoding<T> {
        T decode() throws IOException;
    }

    private static <T> T decode(Decoding<T> decoding) {
        try {
            return decoding.decode();
        } catch (IOException e) {
            throw new IllegalStateException("the guard wrote a record it cannot read back", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
