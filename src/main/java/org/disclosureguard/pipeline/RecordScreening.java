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
        if (source.value() != null && source.value().length > maxRecordBytes) {
            return new Outcome(null, reject(UndecodableRecordException.Cause.OVERSIZED,
                    "value of " + source.value().length + " bytes; the limit is " + maxRecordBytes));
        }
        GenericRecord decoded;
        try {
            decoded = inputCodec.decode(source.value());
        } catch (UndecodableRecordException e) {
            return new Outcome(null, reject(e.reason(), e.getMessage()));
        }
        return new Outcome(decoded, screener.screen(decoded, now));
    }

    static ScreeningResult reject(UndecodableRecordException.Cause cause, String detail) {
        return ScreeningResult.quarantined(Decision.REJECT, List.of(new Finding(cause.ruleId(), ReasonKind.DECODE_ERROR,
                null, null, null, null, cause.explanation(), "Disclosure Guard principle 1 (fail closed)", detail)));
    }
}
