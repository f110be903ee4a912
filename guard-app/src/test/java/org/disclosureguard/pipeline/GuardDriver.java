package org.disclosureguard.pipeline;

import java.util.Properties;
import java.util.HashMap;
import org.disclosureguard.app.GuardTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.contract.AvroBytes;

/** The production topology in a TopologyTestDriver, with typed access to its three outputs. */
public final class GuardDriver implements AutoCloseable {
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> input;
    private final TestOutputTopic<byte[], byte[]> enforcement;
    private final TestOutputTopic<byte[], byte[]> review;
    private final TestOutputTopic<byte[], byte[]> audit;
    private final SingleObjectCodec enforcementCodec =
            new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.ENFORCEMENT_CASE_EVENT);

    public GuardDriver() {
        this(Policy.bundled(), Clock.systemUTC());
    }

    public GuardDriver(Policy policy, Clock clock) {
        this(policy, clock, GuardConfig.DEFAULT_MAX_RECORD_BYTES);
    }

    public GuardDriver(Policy policy, Clock clock, int maxRecordBytes) {
        this(new ActivePolicy(policy), clock, maxRecordBytes);
    }

    /** A guard whose policy the test may replace between records, as a hot reload does. */
    public GuardDriver(ActivePolicy activePolicy, Clock clock, int maxRecordBytes) {
        this(activePolicy, clock, maxRecordBytes, Map.of());
    }

    /** With guard settings of the test's own (e.g. a review seal key). */
    public GuardDriver(ActivePolicy activePolicy, Clock clock, int maxRecordBytes, Map<String, ?> settings) {
        Topics topics = Topics.defaults();
        Map<String, Object> withLimit = new HashMap<>(settings);
        withLimit.put(GuardConfig.MAX_RECORD_BYTES, maxRecordBytes);
        Properties properties = GuardConfig.streamsProperties("guard-test", "unused:9092", topics, activePolicy, withLimit);
        // Screening and review as the app composes them (no dashboards: their tests add them), with the test's clock.
        driver = new TopologyTestDriver(GuardTopology.build(GuardConfig.parts(properties).withClock(clock),
                GuardConfig.fromStreamsConfig(properties).reviewFourEyes(), null, null), properties);
        input = driver.createInputTopic(topics.input(), new ByteArraySerializer(), new ByteArraySerializer());
        enforcement = driver.createOutputTopic(topics.enforcement(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        review = driver.createOutputTopic(topics.review(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        audit = driver.createOutputTopic(topics.audit(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads the caseNotes of an enforcement record's bytes (single-object encoding). */
    public static final class EnforcementReader {
        private final SingleObjectCodec codec = new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.ENFORCEMENT_CASE_EVENT);

        public String caseNotes(byte[] value) {
            try {
                Object notes = codec.decode(value).get("caseNotes");
                return notes == null ? null : notes.toString();
            } catch (Exception e) {
                throw new AssertionError("unreadable enforcement record", e);
            }
        }
    }

    /** The test driver itself, for the topics and stores beyond the screening outputs. */
    public TopologyTestDriver driver() {
        return driver;
    }

    public void send(CaseRecordEvent event) {
        send(event, new RecordHeaders());
    }

    public void send(CaseRecordEvent event, Headers headers) {
        sendBytes(event.getCaseId().getBytes(StandardCharsets.UTF_8), encode(event), headers);
    }

    public void sendBytes(byte[] key, byte[] value, Headers headers) {
        input.pipeInput(new TestRecord<>(key, value, headers));
    }

    public static byte[] encode(CaseRecordEvent event) {
        return AvroBytes.of(event::toByteBuffer);
    }

    /** Raw enforcement records (key, value bytes, headers), for leak checks on the bytes. */
    public List<TestRecord<byte[], byte[]>> enforcementRecords() {
        return enforcement.readRecordsToList();
    }

    public List<GenericRecord> enforcementValues() {
        return enforcement.readValuesToList().stream().map(this::decodeEnforcement).toList();
    }

    public GenericRecord decodeEnforcement(byte[] bytes) {
        try {
            return enforcementCodec.decode(bytes);
        } catch (Exception e) {
            throw new AssertionError("unreadable enforcement record", e);
        }
    }

    public List<TestRecord<byte[], byte[]>> reviewRecords() {
        return review.readRecordsToList();
    }

    public static QuarantinedRecord decodeReview(byte[] bytes) {
        try {
            return QuarantinedRecord.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<QuarantinedRecord> reviewValues() {
        return review.readValuesToList().stream().map(GuardDriver::decodeReview).toList();
    }

    public List<TestRecord<byte[], byte[]>> auditRecords() {
        return audit.readRecordsToList();
    }

    public static ScreeningDecision decodeAudit(byte[] bytes) {
        try {
            return ScreeningDecision.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ScreeningDecision> auditValues() {
        return audit.readValuesToList().stream().map(GuardDriver::decodeAudit).toList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
