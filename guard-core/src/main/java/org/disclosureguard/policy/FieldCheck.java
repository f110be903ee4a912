package org.disclosureguard.policy;

/**
 * One field the screen must look at: where it is (schema positions from the root, for fast access), its
 * classification and what the policy does with it. Fields under a dropped or held parent are covered by the
 * parent's check. A {@link Action#PASS} check is a forwarded string: it is scanned too, and checked against its
 * {@code shape} (null when the schema declares none; lint reports those).
 */
public record FieldCheck(String path, int[] positions, String classification, Action action,
                         String ruleId, String explanation, String legalBasis, FieldShape shape) {

    public FieldCheck(String path, int[] positions, String classification, Action action,
                      String ruleId, String explanation, String legalBasis) {
        this(path, positions, classification, action, ruleId, explanation, legalBasis, null);
    }

    /** A string the policy forwards: scanned like free text (without the language check) and shape-checked. */
    public boolean forwardedString() {
        return action == Action.PASS;
    }
}
