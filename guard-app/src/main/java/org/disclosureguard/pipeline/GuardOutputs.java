package org.disclosureguard.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.disclosureguard.audit.AuditChain;
import org.disclosureguard.contract.AvroBytes;
import org.disclosureguard.contract.WireCodec;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.contract.review.Disposition;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.contract.review.Reason;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.screen.Finding;
import org.disclosureguard.screen.ScreeningResult;
import org.disclosureguard.contract.UndecodableRecordException;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.SourceCoordinates;
import org.disclosureguard.pipeline.PayloadSeal;

/**
 * Turns one screening result into the records the guard writes: the enforcement record (forwarded decisions
 * only), the review record (held and rejected), and always exactly one audit decision. Everything is encoded
 * here, before anything is sent, so that sending cannot fail half-way. Not thread-safe (the codec reuses a
 * buffer): one instance per stream task.
 */
public final class GuardOutputs {
    /**
     * The encoded records for one input record; {@code enforcement} and {@code review} may be null;
     * {@code auditHash} is the audit decision's chain hash (null when unchained).
     */
    public record Encoded(Out enforcement, Out review, Out audit, String auditHash) {
        public List<Out> all() {
            List<Out> all = new ArrayList<>(3);
            if (enforcement != null) {
                all.add(enforcement);
            }
            if (review != null) {
                all.add(review);
            }
            all.add(audit);
            return all;
        }
    }

    /** One output record: key, value and headers (fresh headers: input headers never reach enforcement). */
    public record Out(byte[] key, byte[] value, Headers headers) {}

    private final WireCodec enforcementCodec;
    private final WireCodec reviewCodec;
    private final WireCodec auditCodec;
    private final PayloadSeal seal;

    /** Single-object encoding everywhere: the enforcement codec given, review and audit by their generated classes. */
    public GuardOutputs(WireCodec enforcementCodec) {
        this(enforcementCodec, null, null);
    }

    /** @param reviewCodec, auditCodec null for single-object encoding by the generated classes */
    public GuardOutputs(WireCodec enforcementCodec, WireCodec reviewCodec, WireCodec auditCodec) {
        this(enforcementCodec, reviewCodec, auditCodec, null);
    }

    private GuardOutputs(WireCodec enforcementCodec, WireCodec reviewCodec, WireCodec auditCodec,
                         PayloadSeal seal) {
        this.enforcementCodec = enforcementCodec;
        this.reviewCodec = reviewCodec;
        this.auditCodec = auditCodec;
        this.seal = seal;
    }

    /** These outputs with the review payload (original key and value) sealed by {@code seal}; null: in the clear. */
    public GuardOutputs withSeal(PayloadSeal seal) {
        return new GuardOutputs(enforcementCodec, reviewCodec, auditCodec, seal);
    }

    /**
     * The outputs of a screened record, its audit decision linked into its input partition's chain.
     *
     * @param decoded the decoded input record, or null if it did not decode
     * @param previousAuditHash the hash of the partition's previous decision (null for the first)
     */
    public Encoded encode(SourceRecord source, GenericRecord decoded, ScreeningResult result, Policy policy, long now,
                          String previousAuditHash) {
        return encode(source, decoded, result, policy, now, null, true, previousAuditHash);
    }

    /**
     * The outputs of a record whose screening failed, written by the processing exception handler, which has no
     * access to the chain: the audit decision is unchained (verify-audit counts such decisions apart).
     *
     * @param exception the exception that stopped screening (its class and message go to review headers)
     */
    public Encoded encodeUnchained(SourceRecord source, GenericRecord decoded, ScreeningResult result, Policy policy, long now,
                                   Throwable exception) {
        return encode(source, decoded, result, policy, now, exception, false, null);
    }

    private Encoded encode(SourceRecord source, GenericRecord decoded, ScreeningResult result, Policy policy, long now,
                           Throwable exception, boolean chained, String previousAuditHash) {
        String caseId = id(decoded, "caseId");
        // An undecoded record's decision is keyed by its input key, unless that key is part of what was too large.
        byte[] auditKey = caseId != null ? utf8(caseId) : isOversizedReject(result) ? utf8(source.quarantineId()) : source.key();
        Out enforcement = null;
        Out review = null;
        if (result.forwarded()) {
            enforcement = new Out(utf8(caseId), enforcementCodec.encode(result.projection()), new RecordHeaders());
        } else {
            review = new Out(utf8(source.quarantineId()), encodeReview(source, decoded, result, policy, now),
                    reviewHeaders(source, result, policy, exception));
        }
        ScreeningDecision decision = auditDecision(source, decoded, result, policy, now);
        String auditHash = chained ? AuditChain.link(decision, previousAuditHash) : null;
        Out audit = new Out(auditKey, auditCodec == null ? AvroBytes.of(decision::toByteBuffer) : auditCodec.encode(decision),
                new RecordHeaders());
        return new Encoded(enforcement, review, audit, auditHash);
    }

    // All-args constructors (schema field order) rather than builders: builders validate and copy per field,
    // which showed up in the per-record cost.
    private ScreeningDecision auditDecision(SourceRecord source, GenericRecord decoded, ScreeningResult result, Policy policy,
                                            long now) {
        ScreeningDecision decision = new ScreeningDecision(
                source.quarantineId(), result.decision(), result.ruleIds(), result.droppedFields(),
                id(decoded, "eventId"), id(decoded, "caseId"), id(decoded, "facilityId"),
                id(decoded, "eventType"), id(decoded, "informationSource"),
                result.forwarded() ? null : source.quarantineId(), policy.id(), policy.version(),
                new SourceCoordinates(source.topic(), source.partition(),
                        source.offset(), Instant.ofEpochMilli(source.timestamp())),
                Instant.ofEpochMilli(now), null, null);
        return decision;
    }

    /** A review record carries at most this many reasons; the rest are counted in a last one (within its 128 KB budget). */
    static final int MAX_REVIEW_REASONS = 10;
    /** Longest text of a reason or an identifier copied out of a record, in chars. */
    static final int MAX_REASON_TEXT = 800;
    static final int MAX_IDENTIFIER = 256;

    private byte[] encodeReview(SourceRecord source, GenericRecord decoded, ScreeningResult result, Policy policy, long now) {
        List<Reason> reasons = new ArrayList<>(Math.min(result.findings().size(), MAX_REVIEW_REASONS + 1));
        for (Finding f : result.findings()) {
            if (reasons.size() == MAX_REVIEW_REASONS) {
                Finding last = result.findings().get(result.findings().size() - 1);
                reasons.add(new Reason(last.ruleId(), last.kind(), null, null, null, null,
                        "and " + (result.findings().size() - MAX_REVIEW_REASONS) + " more reasons (the audit lists every rule id)",
                        null, null));
                break;
            }
            reasons.add(new Reason(f.ruleId(), f.kind(), bounded(f.fieldPath(), MAX_REASON_TEXT), bounded(f.matchedTerm(), MAX_REASON_TEXT),
                    f.spanStart(), f.spanEnd(), bounded(f.explanation(), MAX_REASON_TEXT), bounded(f.legalBasis(), MAX_REASON_TEXT),
                    bounded(f.detail(), MAX_REASON_TEXT)));
        }
        QuarantinedRecord record = new QuarantinedRecord(
                source.quarantineId(),
                result.decision() == Decision.REJECT ? Disposition.REJECT : Disposition.HOLD,
                reasons, id(decoded, "eventId"), id(decoded, "caseId"), childId(decoded), id(decoded, "facilityId"),
                id(decoded, "eventType"),
                source.key() == null || isOversizedReject(result) ? null : ByteBuffer.wrap(sealed(source.key(), source)),
                source.value() == null || isOversizedReject(result) ? null : ByteBuffer.wrap(sealed(source.value(), source)),
                policy.id(), policy.version(),
                new org.disclosureguard.contract.review.SourceCoordinates(source.topic(), source.partition(),
                        source.offset(), Instant.ofEpochMilli(source.timestamp())),
                Instant.ofEpochMilli(now));
        return reviewCodec == null ? AvroBytes.of(record::toByteBuffer) : reviewCodec.encode(record);
    }

    private byte[] sealed(byte[] bytes, SourceRecord source) {
        return seal == null ? bytes : seal.seal(bytes, source.quarantineId());
    }

    private Headers reviewHeaders(SourceRecord source, ScreeningResult result, Policy policy, Throwable exception) {
        // In the clear, the review topic is as sensitive as the input, so the input's own headers travel with the
        // record. Sealed, it must reveal nothing but metadata: the input's headers (unclassified) stay behind.
        Headers headers = new RecordHeaders();
        if (seal != null) {
            GuardHeaders.put(headers, GuardHeaders.SEAL_KEY_ID, seal.keyId());
            GuardHeaders.put(headers, GuardHeaders.SEAL_ALGORITHM, PayloadSeal.ALGORITHM);
        } else if (source.headers() != null && !isOversizedReject(result)) {
            source.headers().forEach(h -> {
                if (!h.key().startsWith(GuardHeaders.PREFIX)) {
                    headers.add(h);
                }
            });
        }
        GuardHeaders.put(headers, GuardHeaders.DISPOSITION, result.decision().name());
        GuardHeaders.put(headers, GuardHeaders.RULE_IDS, String.join(",", result.ruleIds()));
        GuardHeaders.put(headers, GuardHeaders.SOURCE_TOPIC, source.topic());
        GuardHeaders.put(headers, GuardHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
        GuardHeaders.put(headers, GuardHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        GuardHeaders.put(headers, GuardHeaders.POLICY_ID, policy.id());
        GuardHeaders.put(headers, GuardHeaders.POLICY_VERSION, policy.version());
        if (exception != null) {
            GuardHeaders.put(headers, GuardHeaders.EXCEPTION_CLASS, exception.getClass().getName());
            GuardHeaders.put(headers, GuardHeaders.EXCEPTION_MESSAGE, String.valueOf(exception.getMessage()));
        }
        return headers;
    }

    /**
     * An oversized record's value, key and headers are not copied: they could exceed the review topic's own size
     * limit and stop the app; nor are those of one that ran the guard out of memory or stack.
     */
    private static boolean isOversizedReject(ScreeningResult result) {
        return result.ruleIds().contains(UndecodableRecordException.Cause.OVERSIZED.ruleId())
                || result.ruleIds().contains(UndecodableRecordException.Cause.RESOURCE_LIMIT.ruleId());
    }

    /** An identifier copied out of a record into review and audit, cut to {@link #MAX_IDENTIFIER}: a field the shape
     * check refuses can be as long as the record, and copied twice it would not fit an output. */
    private static String id(GenericRecord record, String field) {
        return bounded(text(record, field), MAX_IDENTIFIER);
    }

    /** The child's id from the record's child block, so that reviewers can find every hold of one child. */
    private static String childId(GenericRecord record) {
        Object child = record == null || record.getSchema().getField("child") == null ? null : record.get("child");
        return child instanceof GenericRecord block ? id(block, "childId") : null;
    }

    private static String bounded(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max) + "…";
    }

    private static String text(GenericRecord record, String field) {
        if (record == null || record.getSchema().getField(field) == null) {
            return null;
        }
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

}
