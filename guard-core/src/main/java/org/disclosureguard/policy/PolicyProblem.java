package org.disclosureguard.policy;

/**
 * One reason a policy cannot be used, with the kind of check that found it, so that `lint` can group and report
 * problems by kind (and machines can act on them) while the message stays readable on its own.
 */
public record PolicyProblem(Check check, String message) {
    /** What was checked. */
    public enum Check {
        /** The policy file itself: YAML syntax, unknown keys, required entries. */
        DOCUMENT,
        /** Every field of every input schema version is classified, and every classification has an action. */
        CLASSIFICATION,
        /** The enforcement schema: every field comes from a field the policy forwards, never a therapy one. */
        ENFORCEMENT,
        /** Record rules: each CEL condition compiles against the input schema and yields a bool. */
        RULE,
        /** The content-scan dictionary: every term and exclusion normalizes to letters; languages and hold reasons. */
        DICTIONARY,
        /** Field shapes: every pattern compiles, every shape a schema field names is defined. */
        SHAPE
    }

    @Override
    public String toString() {
        return message;
    }
}
