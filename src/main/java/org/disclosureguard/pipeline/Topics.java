package org.disclosureguard.pipeline;

import java.util.List;

/** The topics the guard reads and writes. */
public record Topics(String input, String enforcement, String review, String audit) {
    public static final String DEFAULT_INPUT = "provider.case-events";
    public static final String DEFAULT_ENFORCEMENT = "enforcement.case-events";
    public static final String DEFAULT_REVIEW = "review.quarantine";
    public static final String DEFAULT_AUDIT = "screening.audit";

    public static Topics defaults() {
        return new Topics(DEFAULT_INPUT, DEFAULT_ENFORCEMENT, DEFAULT_REVIEW, DEFAULT_AUDIT);
    }

    public List<String> all() {
        return List.of(input, enforcement, review, audit);
    }
}
