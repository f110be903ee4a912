package org.disclosureguard.policy;

/**
 * One field the screen must look at: where it is (schema positions from the root, for fast access), its
 * classification and what the policy does with it. Fields under a dropped or held parent are covered by the
 * parent's check.
 */
public record FieldCheck(String path, int[] positions, String classification, Action action,
                         String ruleId, String explanation, String legalBasis) {}
