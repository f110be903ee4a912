package org.disclosureguard.pipeline;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.WireCodec;
import org.disclosureguard.contract.UndecodableRecordException;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.review.ReasonKind;
import org.disclosureguard.screen.Finding;
import org.disclosureguard.screen.Screener;
import org.disclosureguard.screen.ScreeningResult;

/**
 * Decode, then screen: bytes that do not decode become a REJECT with a reason instead of an exception, so that
 * poison pills are routed to review and counted, never lost. One instance per stream task.
 */
public final class RecordScreening {
    /** The decoded record (null if it did not decode) and the decision. */
    public record Outcome(GenericRecord decoded, ScreeningResult result) {}

    private final WireCodec inputCodec;
    private final int maxRecordBytes;

    public RecordScreening(WireCodec inputCodec, int maxRecordBytes) {
        this.inputCodec = inputCodec;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Decodes and screens one record under {@code screener} (the policy in force for this record). */
    public Outcome screen(SourceRecord source, Screener screener, long now) {
        String inputError = GuardHeaders.get(source.headers(), GuardHeaders.INPUT_ERROR);
        if (inputError != null) {
            return new Outcome(null, reject(UndecodableRecordException.Cause.INVALID_INPUT, inputError));
        }
        long size = recordBytes(source);
        if (size > maxRecordBytes) {
            return new Outcome(null, reject(UndecodableRecordException.Cause.OVERSIZED, "value, key and headers of " + size
                    + " bytes (value " + length(source.value()) + ", key " + length(source.key()) + "); the limit is "
                    + maxRecordBytes));
        }
        GenericRecord decoded;
        try {
            decoded = inputCodec.decode(source.value());
            return new Outcome(decoded, screener.screen(decoded, now));
        } catch (UndecodableRecordException e) {
            return new Outcome(null, reject(e.reason(), e.getMessage()));
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Kafka Streams' handlers never see an Error: the thread would be replaced and read this record again,
            // forever. The memory the record took is garbage once this frame is gone; the record is rejected.
            return new Outcome(null, reject(UndecodableRecordException.Cause.RESOURCE_LIMIT, e.getClass().getSimpleName()));
        }
    }

    /** The bytes the record brings: value, key and every header's key and value. */
    static long recordBytes(SourceRecord source) {
        long size = length(source.value()) + length(source.key());
        if (source.headers() != null) {
            for (org.apache.kafka.common.header.Header header : source.headers()) {
                size += header.key().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + length(header.value());
            }
        }
        return size;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    static ScreeningResult reject(UndecodableRecordException.Cause cause, String detail) {
        return ScreeningResult.quarantined(Decision.REJECT, List.of(new Finding(cause.ruleId(), ReasonKind.DECODE_ERROR,
                null, null, null, null, cause.explanation(), "Disclosure Guard principle 1 (fail closed)", detail)));
    }
}
