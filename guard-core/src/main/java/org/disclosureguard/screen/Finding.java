package org.disclosureguard.screen;

import org.disclosureguard.contract.review.ReasonKind;

/**
 * One reason a record was held or rejected: which rule, where, and (for the reviewer only) what matched.
 * {@code matchedTerm}, spans and {@code detail} belong in the review record, never in the audit stream.
 */
public record Finding(String ruleId, ReasonKind kind, String fieldPath, String matchedTerm,
                      Integer spanStart, Integer spanEnd, String explanation, String legalBasis, String detail) {

    public static Finding of(String ruleId, ReasonKind kind, String fieldPath, String explanation, String legalBasis) {
        return new Finding(ruleId, kind, fieldPath, null, null, null, explanation, legalBasis, null);
    }

    public Finding withDetail(String newDetail) {
        return new Finding(ruleId, kind, fieldPath, matchedTerm, spanStart, spanEnd, explanation, legalBasis, newDetail);
    }
}
