package org.disclosureguard.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.disclosureguard.contract.AvroBytes;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.SharedGuardProperties;
import org.disclosureguard.synthetic.CaseEventGenerator;

/**
 * The guard as an attacker sees it: arbitrary bytes, truncated and bit-flipped encodings, and schema-valid
 * records with extreme values. Whatever comes in, nothing escapes the topology as an exception, every input gets
 * exactly one decision, and nothing from a field that may never be forwarded reaches the enforcement bytes.
 */
class FuzzedInputProperties extends SharedGuardProperties {
    /** Sends one value; returns its single decision (fails if there is not exactly one). */
    private static ScreeningDecision decide(byte[] value) {
        GuardDriver driver = guard();
        driver.sendBytes("k".getBytes(StandardCharsets.UTF_8), value, new RecordHeaders());
        List<ScreeningDecision> audit = driver.auditValues();
        assertEquals(1, audit.size(), "exactly one decision per input");
        return audit.get(0);
    }

    private static List<TestRecord<byte[], byte[]>> drainOutputs() {
        guard().reviewRecords();
        return guard().enforcementRecords();
    }

    @Provide
    Arbitrary<byte[]> arbitraryBytes() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        // Half of them start like single-object Avro of a real contract version, to get past the header check.
        byte[] header = Arrays.copyOf(AvroBytes.of(new CaseEventGenerator(1).next().event()::toByteBuffer), 10);
        return Arbitraries.oneOf(raw, raw.map(body -> {
            byte[] value = Arrays.copyOf(header, header.length + body.length);
            System.arraycopy(body, 0, value, header.length, body.length);
            return value;
        }));
    }

    @Property(tries = 300)
    void arbitraryBytesGetExactlyOneDecisionAndNeverCrash(@ForAll("arbitraryBytes") byte[] value) {
        ScreeningDecision decision = decide(value);
        drainOutputs();
        if (decision.getDecision() == Decision.FORWARD || decision.getDecision() == Decision.FORWARD_REDACTED) {
            // Random bytes that happen to decode are screened like any record; they must still be a full record.
            assertFalse(decision.getEventId() == null, "a forwarded record has an event id");
        }
    }

    @Property(tries = 300)
    void truncatedAndBitFlippedRecordsGetExactlyOneDecision(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int flips,
                                                             @ForAll boolean truncate) {
        byte[] value = AvroBytes.of(new CaseEventGenerator(seed).next().event()::toByteBuffer);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < flips; i++) {
            int position = random.nextInt(value.length);
            value[position] ^= (byte) (1 << random.nextInt(8));
        }
        if (truncate) {
            value = Arrays.copyOf(value, random.nextInt(value.length));
        }
        decide(value);
        drainOutputs();
    }

    @Property(tries = 200)
    void extremeSchemaValidRecordsNeverForwardAnythingUnclassified(@ForAll long seed, @ForAll boolean olderWriter) {
        List<SchemaCatalog.SchemaVersion> versions = SchemaCatalog.bundled().versions(SchemaCatalog.CASE_RECORD_EVENT);
        Schema writer = versions.get(olderWriter ? 0 : versions.size() - 1).schema();
        RandomRecords records = new RandomRecords(seed);
        GenericData.Record record = records.next(writer);
        byte[] value = AvroBytes.of(() -> new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(record));

        decide(value);
        for (TestRecord<byte[], byte[]> forwarded : drainOutputs()) {
            String bytes = new String(forwarded.value(), StandardCharsets.UTF_8);
            for (String canary : records.canaries()) {
                assertFalse(bytes.contains(canary), "a value from a never-forwarded field crossed: " + canary);
            }
        }
    }
}
