package org.disclosureguard.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.disclosureguard.contract.review.Disposition;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.contract.review.Reason;
import org.disclosureguard.contract.review.ReasonKind;
import org.disclosureguard.contract.review.SourceCoordinates;
import org.junit.jupiter.api.Test;

class QuarantinedRecordsTest {

    private static QuarantinedRecord held(String childId) {
        return new QuarantinedRecord("provider.case-events-0-7", Disposition.HOLD,
                List.of(new Reason("content.therapy-reference", ReasonKind.CONTENT_SCAN, "caseNotes", "therap*", 4, 11,
                        "Names therapy.", null, null)),
                "evt-7", "case-7", childId, "FAC-TX-014", "CASE_NOTE", null, ByteBuffer.wrap(new byte[] {1, 2, 3}),
                "disclosure-guard-default", "2026.12.23",
                new SourceCoordinates("provider.case-events", 0, 7L, Instant.ofEpochMilli(1_700_000_000_000L)),
                Instant.ofEpochMilli(1_700_000_001_000L));
    }

    @Test
    void theCurrentVersionCarriesTheChildId() throws Exception {
        QuarantinedRecord read = QuarantinedRecords.decode(held("child-4410").toByteBuffer().array());
        assertEquals("child-4410", read.getChildId());
        assertEquals("case-7", read.getCaseId());
    }

    @Test
    void aRecordTheVersionOneGuardQuarantinedReadsWithoutAChildId() throws Exception {
        // A guard upgraded while records of its older self wait in review.quarantine and the review store.
        Schema v1 = SchemaCatalog.bundled().versions(SchemaCatalog.QUARANTINED_RECORD).get(0).schema();
        assertNull(v1.getField("childId"), "version 1 predates the child id");
        QuarantinedRecord current = held(null);
        GenericRecord old = new GenericData.Record(v1);
        for (Schema.Field field : v1.getFields()) {
            old.put(field.name(), current.get(field.name()));
        }
        SpecificData model = new SpecificData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        byte[] written = new BinaryMessageEncoder<GenericRecord>(model, v1).encode(old).array();

        QuarantinedRecord read = QuarantinedRecords.decode(written);
        assertNull(read.getChildId());
        assertEquals("case-7", read.getCaseId());
        assertEquals("content.therapy-reference", read.getReasons().get(0).getRuleId());
        assertArrayEquals(new byte[] {1, 2, 3}, read.getOriginalValue().array());
        assertEquals(Instant.ofEpochMilli(1_700_000_001_000L), read.getQuarantinedAt());
        // The generated class's own decoder knows only the current version: why QuarantinedRecords exists.
        assertThrows(AvroRuntimeException.class, () -> QuarantinedRecord.fromByteBuffer(ByteBuffer.wrap(written)));
    }

    @Test
    void bytesOfNoReleasedVersionAreRefused() throws Exception {
        byte[] unknown = held("child-1").toByteBuffer().array();
        unknown[2] ^= 0x5A; // another fingerprint
        assertThrows(AvroRuntimeException.class, () -> QuarantinedRecords.decode(unknown));
    }
}
