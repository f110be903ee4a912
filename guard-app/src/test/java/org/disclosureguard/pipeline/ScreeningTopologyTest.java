package org.disclosureguard.pipeline;

import static org.disclosureguard.pipeline.TestEvents.benign;
import static org.disclosureguard.pipeline.TestEvents.counseling;
import static org.disclosureguard.pipeline.TestEvents.incident;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.disclosureguard.contract.Fingerprints;
import org.disclosureguard.contract.AuthorRole;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.EventType;
import org.disclosureguard.contract.IncidentCategory;
import org.disclosureguard.contract.InformationSource;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.contract.review.Disposition;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.contract.review.Reason;
import org.disclosureguard.contract.review.ReasonKind;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.policy.FieldPlan;

class ScreeningTopologyTest {
    private GuardDriver guard;

    @BeforeEach
    void start() {
        guard = new GuardDriver();
    }

    @AfterEach
    void stop() {
        guard.close();
    }

    private ScreeningDecision onlyAudit() {
        List<ScreeningDecision> audit = guard.auditValues();
        assertEquals(1, audit.size(), "exactly one audit decision per input record");
        return audit.get(0);
    }

    private QuarantinedRecord onlyReview() {
        List<QuarantinedRecord> review = guard.reviewValues();
        assertEquals(1, review.size());
        return review.get(0);
    }

    private void assertHeldBy(String ruleId) {
        ScreeningDecision decision = onlyAudit();
        assertEquals(Decision.HOLD, decision.getDecision());
        assertTrue(decision.getRuleIds().contains(ruleId), "rule ids " + decision.getRuleIds() + " lack " + ruleId);
        assertTrue(guard.enforcementRecords().isEmpty(), "a held record must not reach the enforcement topic");
        QuarantinedRecord review = onlyReview();
        assertEquals(Disposition.HOLD, review.getDisposition());
        assertTrue(review.getReasons().stream().anyMatch(r -> r.getRuleId().equals(ruleId)));
        assertEquals(decision.getQuarantineId(), review.getQuarantineId());
        assertEquals(decision.getCaseId(), review.getCaseId());
        assertEquals(TestEvents.CHILD_ID, review.getChildId(), "reviewers find a child's holds by the child id");
    }

    @Test
    void benignRecordIsForwardedAsItsProjection() {
        CaseRecordEvent event = benign().build();
        guard.send(event);

        List<TestRecord<byte[], byte[]>> forwarded = guard.enforcementRecords();
        assertEquals(1, forwarded.size());
        assertEquals("case-42", new String(forwarded.get(0).key(), StandardCharsets.UTF_8));
        GenericRecord out = guard.decodeEnforcement(forwarded.get(0).value());
        assertEquals("evt-1", out.get("eventId").toString());
        assertEquals("PLACEMENT_UPDATE", out.get("eventType").toString());
        assertEquals("Ana", ((GenericRecord) out.get("child")).get("firstName").toString());
        assertEquals("Casa Esperanza", ((GenericRecord) out.get("placement")).get("facilityName").toString());
        GenericRecord stamp = (GenericRecord) out.get("screening");
        assertEquals("disclosure-guard-default", stamp.get("policyId").toString());
        assertNull(out.getSchema().getField("counseling"), "the enforcement schema has no place for counseling");
        assertNull(out.getSchema().getField("informationSource"));

        ScreeningDecision decision = onlyAudit();
        assertEquals(Decision.FORWARD, decision.getDecision());
        assertEquals("evt-1", decision.getEventId());
        assertEquals("provider.case-events-0-0", decision.getDecisionId());
        assertNull(decision.getQuarantineId());
        assertTrue(guard.reviewValues().isEmpty());
    }

    @Test
    void counselingBlockIsDroppedAndTheRestForwardedRedacted() {
        String canary = "CANARY-SESSION-NOTE-7f3a";
        guard.send(benign().setEventType(EventType.CASE_NOTE).setCounseling(counseling(canary)).build());

        List<TestRecord<byte[], byte[]>> forwarded = guard.enforcementRecords();
        assertEquals(1, forwarded.size());
        assertFalse(new String(forwarded.get(0).value(), StandardCharsets.ISO_8859_1).contains(canary));
        assertFalse(new String(forwarded.get(0).value(), StandardCharsets.ISO_8859_1).contains("F43.10"));
        ScreeningDecision decision = onlyAudit();
        assertEquals(Decision.FORWARD_REDACTED, decision.getDecision());
        assertEquals(List.of("counseling"), decision.getDroppedFields());
        assertEquals(List.of("field.therapy"), decision.getRuleIds());
    }

    @Test
    void extensionAttributesAreDropped() {
        guard.send(benign().setAttributes(Map.of("cms.flag", "see clinical file")).build());
        ScreeningDecision decision = onlyAudit();
        assertEquals(Decision.FORWARD_REDACTED, decision.getDecision());
        assertEquals(List.of("attributes"), decision.getDroppedFields());
        assertFalse(new String(guard.enforcementRecords().get(0).value(), StandardCharsets.ISO_8859_1).contains("clinical file"));
    }

    @ParameterizedTest
    @EnumSource(value = InformationSource.class, names = {"INDIVIDUAL_COUNSELING", "GROUP_COUNSELING", "MENTAL_HEALTH_ASSESSMENT"})
    void counselingProvenanceHoldsTheRecord(InformationSource source) {
        guard.send(benign().setInformationSource(source).build());
        assertHeldBy("provenance.counseling-source");
    }

    @Test
    void clinicianAuthorHoldsTheRecord() {
        CaseRecordEvent.Builder event = benign();
        event.getAuthor().setRole(AuthorRole.CLINICIAN);
        guard.send(event.build());
        assertHeldBy("provenance.clinician-author");
    }

    @Test
    void counselingSessionEventIsHeld() {
        guard.send(benign().setEventType(EventType.COUNSELING_SESSION).build());
        assertHeldBy("event.counseling-session");
    }

    @Test
    void historicalDisclosuresAreHeld() {
        guard.send(benign().setEventType(EventType.SIR)
                .setIncident(incident(IncidentCategory.PAST_ABUSE, "Youth disclosed abuse by a relative.")).build());
        assertHeldBy("event.historical-disclosure");
    }

    @Test
    void unknownProvenanceAndUnknownEventTypeFailClosed() {
        guard.send(benign().setInformationSource(InformationSource.UNKNOWN).build());
        assertHeldBy("provenance.unknown");
        guard.send(benign().setEventType(EventType.UNKNOWN).build());
        assertHeldBy("event.unknown-type");
    }

    @Test
    void therapyReferenceInFreeTextHoldsTheWholeRecordWithTheSpan() {
        String notes = "School is going well. She told her th-\nerapist that her uncle hit her.";
        guard.send(benign().setEventType(EventType.CASE_NOTE).setCaseNotes(notes).build());
        assertHeldBy("content.therapy-reference");
        // the review record was read in assertHeldBy; send again to inspect the span
        guard.send(benign().setEventType(EventType.CASE_NOTE).setCaseNotes(notes).build());
        // The telling and its harm ("told ... uncle hit her") are a hit of their own; the term's span is the one here.
        Reason reason = onlyReview().getReasons().stream()
                .filter(r -> r.getMatchedTerm() != null && r.getMatchedTerm().toString().contains("therapist"))
                .findFirst().orElseThrow();
        assertEquals(ReasonKind.CONTENT_SCAN, reason.getKind());
        assertEquals("caseNotes", reason.getFieldPath());
        assertEquals("th-\nerapist", notes.substring(reason.getSpanStart(), reason.getSpanEnd()));
        assertNotNull(reason.getLegalBasis());
    }

    @Test
    void therapyReferenceInAnIncidentSummaryIsHeldInSpanishToo() {
        guard.send(benign().setEventType(EventType.SIR).setInformationSource(InformationSource.STAFF_OBSERVATION)
                .setIncident(incident(IncidentCategory.GANG_CONCERN, "Según su TERAPEUTA, el joven vendía drogas.")).build());
        assertHeldBy("content.therapy-reference");
    }

    @Test
    void lookAlikeTherapyIsNotHeld() {
        guard.send(benign().setEventType(EventType.CASE_NOTE)
                .setCaseNotes("Youth attends physical therapy for his ankle; a therapy dog visited on Saturday.").build());
        assertEquals(Decision.FORWARD, onlyAudit().getDecision());
        assertEquals(1, guard.enforcementRecords().size());
    }

    @Test
    void auditCarriesNoSensitiveValues() {
        String canaryName = "Zyxwvutsrq";
        String notes = "He told his therapist about CANARY-DISCLOSURE-91.";
        guard.send(benign().setEventType(EventType.CASE_NOTE).setCaseNotes(notes).build());
        guard.send(benign().setCounseling(counseling("CANARY-DISCLOSURE-92")).build());
        CaseRecordEvent.Builder named = benign();
        named.getChild().setFirstName(canaryName);
        guard.send(named.build());
        for (TestRecord<byte[], byte[]> audit : guard.auditRecords()) {
            String text = new String(audit.value(), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("CANARY"), "audit must not carry free text or counseling content");
            assertFalse(text.contains(canaryName), "audit must not carry names");
            assertFalse(text.contains("therapist"), "audit must not carry matched words");
        }
    }

    @Test
    void inputHeadersNeverReachTheEnforcementTopic() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("clinical-note", "told therapist".getBytes(StandardCharsets.UTF_8));
        guard.send(benign().build(), headers);
        TestRecord<byte[], byte[]> forwarded = guard.enforcementRecords().get(0);
        assertFalse(forwarded.headers().iterator().hasNext(), "enforcement records are written with fresh headers");
    }

    @Test
    void olderWriterVersionIsDecodedIntoTheCurrentContract() throws Exception {
        Schema v1 = SchemaCatalog.bundled().versions(SchemaCatalog.CASE_RECORD_EVENT).get(0).schema();
        assertNull(v1.getField("formId"));
        // Re-encode a benign record with the v1 writer schema (dropping v2-only fields).
        GenericRecord current = new SingleObjectCodec(SchemaCatalog.bundled(),
                SchemaCatalog.CASE_RECORD_EVENT).decode(GuardDriver.encode(benign().build()));
        GenericRecord old = new org.apache.avro.generic.GenericData.Record(v1);
        for (Schema.Field field : v1.getFields()) {
            old.put(field.name(), project(current.get(field.name()), field.schema()));
        }
        byte[] bytes = new org.apache.avro.message.BinaryMessageEncoder<GenericRecord>(
                org.apache.avro.generic.GenericData.get(), v1).encode(old).array();
        guard.sendBytes("case-42".getBytes(StandardCharsets.UTF_8), bytes, new RecordHeaders());

        assertEquals(Decision.FORWARD, onlyAudit().getDecision());
        GenericRecord out = guard.enforcementValues().get(0);
        assertNull(out.get("formId"), "absent in v1, so the reader default applies");
        assertNull(((GenericRecord) out.get("child")).get("preferredLanguage"));
        assertEquals("Ana", ((GenericRecord) out.get("child")).get("firstName").toString());
    }

    /** Copies a v2 value into the shape of a v1 schema (nested records lose their v2-only fields). */
    private static Object project(Object value, Schema schema) {
        Schema type = FieldPlan.nonNull(schema);
        if (value instanceof GenericRecord record && type.getType() == Schema.Type.RECORD) {
            GenericRecord copy = new org.apache.avro.generic.GenericData.Record(type);
            for (Schema.Field field : type.getFields()) {
                copy.put(field.name(), project(record.get(field.name()), field.schema()));
            }
            return copy;
        }
        if (value instanceof org.apache.avro.generic.GenericEnumSymbol<?> symbol && type.getType() == Schema.Type.ENUM) {
            return new org.apache.avro.generic.GenericData.EnumSymbol(type, symbol.toString());
        }
        return value;
    }

    @Test
    void randomBytesAreRejectedAndKeptForReview() {
        byte[] garbage = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        guard.sendBytes("k".getBytes(StandardCharsets.UTF_8), garbage, new RecordHeaders());
        ScreeningDecision decision = onlyAudit();
        assertEquals(Decision.REJECT, decision.getDecision());
        assertEquals(List.of("reject.not-avro"), decision.getRuleIds());
        List<TestRecord<byte[], byte[]>> review = guard.reviewRecords();
        assertEquals(1, review.size());
        QuarantinedRecord quarantined = GuardDriver.decodeReview(review.get(0).value());
        assertEquals(Disposition.REJECT, quarantined.getDisposition());
        assertArrayEquals(garbage, quarantined.getOriginalValue().array());
        assertEquals("REJECT", header(review.get(0), GuardHeaders.DISPOSITION));
        assertEquals("provider.case-events", header(review.get(0), GuardHeaders.SOURCE_TOPIC));
        assertEquals("0", header(review.get(0), GuardHeaders.SOURCE_OFFSET));
        assertTrue(guard.enforcementRecords().isEmpty());
    }

    @Test
    void emptyTruncatedAndUnknownSchemaValuesAreRejectedWithTheirOwnReason() {
        byte[] good = GuardDriver.encode(benign().build());
        guard.sendBytes(null, new byte[0], new RecordHeaders());
        guard.sendBytes(null, null, new RecordHeaders());
        guard.sendBytes(null, Arrays.copyOf(good, good.length / 2), new RecordHeaders());
        byte[] unknownFingerprint = good.clone();
        unknownFingerprint[2] ^= 0x5A; // the fingerprint starts after the two magic bytes
        guard.sendBytes(null, unknownFingerprint, new RecordHeaders());

        List<ScreeningDecision> audit = guard.auditValues();
        assertEquals(4, audit.size());
        audit.forEach(d -> assertEquals(Decision.REJECT, d.getDecision()));
        assertEquals(List.of("reject.empty"), audit.get(0).getRuleIds());
        assertEquals(List.of("reject.empty"), audit.get(1).getRuleIds());
        assertEquals(List.of("reject.malformed"), audit.get(2).getRuleIds());
        assertEquals(List.of("reject.unknown-schema"), audit.get(3).getRuleIds());
        List<QuarantinedRecord> review = guard.reviewValues();
        assertEquals(4, review.size());
        assertTrue(guard.enforcementRecords().isEmpty());
        // The reason shows the header's fingerprint and the released ones in hex, as a producer's author compares them.
        String detail = String.valueOf(review.get(3).getReasons().get(0).getDetail());
        long sent = java.nio.ByteBuffer.wrap(unknownFingerprint, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertTrue(detail.contains(Fingerprints.hex(sent)) && detail.contains(Fingerprints.headerHex(sent)), detail);
        long current = Fingerprints.of(SchemaCatalog.bundled().current(SchemaCatalog.CASE_RECORD_EVENT));
        assertTrue(detail.contains(Fingerprints.hex(current)), detail);
    }

    @Test
    void unexpectedExceptionHoldsTheRecordThroughTheProcessingExceptionHandler() {
        AtomicInteger calls = new AtomicInteger();
        Clock failingOnSecondRecord = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (calls.incrementAndGet() == 2) {
                    throw new IllegalStateException("simulated failure inside the screen");
                }
                return Instant.parse("2026-11-25T00:00:00Z");
            }
        };
        guard.close();
        guard = new GuardDriver(Policy.bundled(), failingOnSecondRecord);
        guard.send(benign().setEventId("evt-a").build());
        guard.send(benign().setEventId("evt-b").build());
        guard.send(benign().setEventId("evt-c").build());

        List<ScreeningDecision> audit = guard.auditValues();
        assertEquals(3, audit.size(), "the failed record still gets exactly one decision");
        assertEquals(Decision.FORWARD, audit.get(0).getDecision());
        assertEquals(Decision.HOLD, audit.get(1).getDecision());
        assertEquals(List.of(QuarantiningExceptionHandler.RULE_ID), audit.get(1).getRuleIds());
        assertEquals("evt-b", audit.get(1).getEventId());
        assertEquals(Decision.FORWARD, audit.get(2).getDecision());
        assertNull(audit.get(1).getHash(), "the handler has no access to the chain: its decision is unchained");
        assertEquals(audit.get(0).getHash(), audit.get(2).getPreviousHash(), "the chain goes on around it");
        List<TestRecord<byte[], byte[]>> review = guard.reviewRecords();
        assertEquals(1, review.size());
        assertEquals(IllegalStateException.class.getName(), header(review.get(0), GuardHeaders.EXCEPTION_CLASS));
        assertEquals(2, guard.enforcementRecords().size(), "the app kept going and forwarded the rest");
    }

    @Test
    void oversizedRecordsAreRejectedWithoutBeingProcessedOrCopied() {
        guard.close();
        guard = new GuardDriver(Policy.bundled(), Clock.systemUTC(), 2048);
        guard.send(benign().setEventType(EventType.CASE_NOTE).setCaseNotes("School report. ".repeat(200)).build());
        guard.send(benign().build());

        List<ScreeningDecision> audit = guard.auditValues();
        assertEquals(2, audit.size());
        assertEquals(Decision.REJECT, audit.get(0).getDecision());
        assertEquals(List.of("reject.oversized"), audit.get(0).getRuleIds());
        assertNull(audit.get(0).getEventId(), "not decoded");
        assertEquals(Decision.FORWARD, audit.get(1).getDecision(), "records under the limit still flow");
        QuarantinedRecord review = onlyReview();
        assertNull(review.getOriginalValue(), "an oversized value is not copied to review");
        assertTrue(review.getReasons().get(0).getDetail().contains("the limit is 2048"));
    }

    @Test
    void aKeyOrHeadersThatTakeTheRecordOverTheLimitAreRejectedAtTheLimitNot() {
        guard.close();
        guard = new GuardDriver(Policy.bundled(), Clock.systemUTC(), 2048);
        byte[] value = GuardDriver.encode(benign().build());
        byte[] fits = new byte[2048 - value.length];
        guard.sendBytes(fits, value, new RecordHeaders());
        guard.sendBytes(new byte[fits.length + 1], value, new RecordHeaders());
        RecordHeaders heavy = new RecordHeaders();
        heavy.add("trace", new byte[fits.length]);
        guard.sendBytes(null, value, heavy);

        List<ScreeningDecision> audit = guard.auditValues();
        assertEquals(3, audit.size(), "one decision per input");
        assertEquals(Decision.FORWARD, audit.get(0).getDecision(), "value and key exactly at the limit");
        assertEquals(List.of("reject.oversized"), audit.get(1).getRuleIds(), "one byte of key over");
        assertEquals(List.of("reject.oversized"), audit.get(2).getRuleIds(), "the header's name counts too");
        for (QuarantinedRecord review : guard.reviewValues()) {
            assertNull(review.getOriginalValue(), "an oversized record is not copied to review");
            assertNull(review.getOriginalKey(), "nor its key");
        }
    }

    @Test
    void aReviewRecordCarriesBoundedReasonsAndIdentifiers() {
        String longId = "case-" + "9".repeat(5_000);
        guard.send(benign().setCaseId(longId).setCaseNotes("therapy session notes. ".repeat(200)).build());
        QuarantinedRecord review = onlyReview();
        assertTrue(review.getReasons().size() <= GuardOutputs.MAX_REVIEW_REASONS + 1, "reasons: " + review.getReasons().size());
        assertTrue(review.getReasons().get(review.getReasons().size() - 1).getExplanation().toString().contains("more reasons"));
        assertTrue(review.getCaseId().length() <= GuardOutputs.MAX_IDENTIFIER + 1, "case id cut: " + review.getCaseId().length());
    }

    @Test
    void lengthBombsAndTrailingBytesAreRejectedAndThePartitionGoesOn() {
        byte[] valid = GuardDriver.encode(benign().build());
        // A valid header, then a string whose length prefix claims 2,000,000,000 bytes (zig-zag varint).
        byte[] stringBomb = java.util.Arrays.copyOf(valid, 15);
        byte[] claim = {(byte) 0x80, (byte) 0xd0, (byte) 0xac, (byte) 0xf3, 0x0e};
        System.arraycopy(claim, 0, stringBomb, 10, claim.length);
        byte[] trailing = java.util.Arrays.copyOf(valid, valid.length + 3);
        guard.sendBytes(null, stringBomb, new RecordHeaders());
        guard.sendBytes(null, trailing, new RecordHeaders());
        guard.send(benign().build());

        List<ScreeningDecision> audit = guard.auditValues();
        assertEquals(3, audit.size());
        assertEquals(List.of("reject.malformed"), audit.get(0).getRuleIds());
        assertEquals(List.of("reject.malformed"), audit.get(1).getRuleIds());
        assertEquals(Decision.FORWARD, audit.get(2).getDecision(), "the record after them is decided");
        List<QuarantinedRecord> review = guard.reviewValues();
        String bombDetail = review.get(0).getReasons().get(0).getDetail();
        assertTrue(bombDetail.contains("claims 2000000000 bytes"), bombDetail);
        String trailingDetail = review.get(1).getReasons().get(0).getDetail();
        assertTrue(trailingDetail.contains("3 trailing bytes"), trailingDetail);
    }

    @Test
    void everyDecisionNamesThePolicyVersion() {
        guard.send(benign().build());
        guard.sendBytes(null, new byte[] {9}, new RecordHeaders());
        Policy policy = Policy.bundled();
        for (ScreeningDecision decision : guard.auditValues()) {
            assertEquals(policy.id(), decision.getPolicyId());
            assertEquals(policy.version(), decision.getPolicyVersion());
        }
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
