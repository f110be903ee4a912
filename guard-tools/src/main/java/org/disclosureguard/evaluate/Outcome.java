package org.disclosureguard.evaluate;

import com.fasterxml.jackson.databind.JsonNode;

/** What happened to one corpus record, read off its audit decision. */
public enum Outcome {
    /** HOLD: quarantined for review; nothing crossed. */
    HELD,
    /**
     * FORWARD_REDACTED with the counseling block dropped, on a record that is not a counseling-session event: the
     * record crossed without its therapy content. Caught only where that block was the therapy content.
     */
    COUNSELING_DROPPED,
    /** FORWARD, or FORWARD_REDACTED without dropping a counseling block (or of a counseling-session event): crossed. */
    CROSSED,
    /** REJECT: the record did not decode. A corpus bug, so it counts against the guard in both corpora. */
    REJECTED;

    static final String COUNSELING_FIELD = "counseling";

    static Outcome of(JsonNode auditDecision, JsonNode record) {
        String decision = auditDecision.path("decision").asText();
        switch (decision) {
            case "HOLD":
                return HELD;
            case "REJECT":
                return REJECTED;
            case "FORWARD":
                return CROSSED;
            case "FORWARD_REDACTED":
                return droppedCounseling(auditDecision) && !"COUNSELING_SESSION".equals(record.path("eventType").asText())
                        ? COUNSELING_DROPPED : CROSSED;
            default:
                throw new IllegalStateException("unknown decision in the audit output: " + decision);
        }
    }

    private static boolean droppedCounseling(JsonNode auditDecision) {
        for (JsonNode path : auditDecision.path("droppedFields")) {
            if (COUNSELING_FIELD.equals(path.asText())) {
                return true;
            }
        }
        return false;
    }
}
