package org.disclosureguard.replay;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.PlainJson;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;

/**
 * One line of the JSON-lines input format (plain JSON CaseRecordEvent objects) to the wire format: key caseId,
 * value single-object Avro, timestamp occurredAt; or the reason it cannot be, naming the line and field.
 * Used by `replay` and `produce`. Not thread-safe (the codec reuses a buffer).
 */
public final class JsonLineConverter {
    /** A converted line: either {@code value} is set, or {@code error} says why not. */
    public record Converted(byte[] key, byte[] value, long timestamp, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final SingleObjectCodec codec = new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.CASE_RECORD_EVENT);

    public Converted convert(String line, long lineNumber) {
        String error;
        try {
            JsonNode node = json.readTree(line);
            if (node == null || node.isMissingNode()) {
                error = "empty line";
            } else {
                GenericRecord record = PlainJson.toRecord(node, codec.schema());
                return new Converted(record.get("caseId").toString().getBytes(StandardCharsets.UTF_8),
                        codec.encode(record), (Long) record.get("occurredAt"), null);
            }
        } catch (JacksonException e) {
            error = "not valid JSON: " + e.getOriginalMessage();
        } catch (PlainJson.InvalidJsonRecordException e) {
            error = e.getMessage();
        }
        return new Converted(null, null, -1, "line " + lineNumber + ": " + error);
    }
}
