package org.disclosureguard.contract;

/** Bytes that are not Avro of a known contract version in the topic's wire format. Carries a stable reason code for audit. */
public final class UndecodableRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the bytes did not decode; the code is safe for audit (it says nothing of the content). */
    public enum Cause {
        EMPTY("reject.empty", "The record has no value."),
        NOT_SINGLE_OBJECT("reject.not-avro", "The value is not Avro single-object encoding (bad or missing header)."),
        UNKNOWN_SCHEMA("reject.unknown-schema", "The value was written with a schema that is not a released version of the contract."),
        MALFORMED("reject.malformed", "The value has a known schema header but its body does not decode (truncated or corrupt)."),
        NOT_REGISTRY_FRAMED("reject.not-registry-framed", "The value is not in the schema-registry wire format (magic byte 0, then a 4-byte schema id)."),
        UNKNOWN_SCHEMA_ID("reject.unknown-schema-id", "The value names a schema id the schema registry does not know."),
        REGISTRY_UNAVAILABLE("reject.registry-unavailable", "The schema registry did not answer in time, so the writer schema could not be "
                + "fetched and the value could not be read. Nothing of it was forwarded; the original bytes are kept here for a re-run."),
        INVALID_INPUT("reject.invalid-input", "The input could not be converted to the contract (replay: invalid JSON or a value that does not fit the schema)."),
        OVERSIZED("reject.oversized", "The record (value, key and headers together) is larger than the guard accepts "
                + "(guard.max.record.bytes): it is not processed. It was not copied here either; read it at its source "
                + "coordinates while the input topic retains it."),
        RESOURCE_LIMIT("reject.resource-limit", "Reading or screening the record ran the guard out of memory or stack. "
                + "It is not processed and not copied here; read it at its source coordinates while the input topic retains it.");

        private final String ruleId;
        private final String explanation;

        Cause(String ruleId, String explanation) {
            this.ruleId = ruleId;
            this.explanation = explanation;
        }

        public String ruleId() {
            return ruleId;
        }

        public String explanation() {
            return explanation;
        }
    }

    private final Cause cause;

    public UndecodableRecordException(Cause cause, String detail, Throwable underlying) {
        super(detail, underlying);
        this.cause = cause;
    }

    public Cause reason() {
        return cause;
    }
}
