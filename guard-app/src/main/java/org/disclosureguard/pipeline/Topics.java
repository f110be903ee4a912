package org.disclosureguard.pipeline;

import java.util.List;

/** The topics the guard reads and writes. */
public record Topics(String input, String enforcement, String review, String audit, String metrics,
                     String reviewCommands, String reviewDecisions, String deadLetter) {
    public static final String DEFAULT_INPUT = "provider.case-events";
    public static final String DEFAULT_ENFORCEMENT = "enforcement.case-events";
    public static final String DEFAULT_REVIEW = "review.quarantine";
    public static final String DEFAULT_AUDIT = "screening.audit";
    public static final String DEFAULT_METRICS = "screening.metrics";
    public static final String DEFAULT_REVIEW_COMMANDS = "review.commands";
    public static final String DEFAULT_REVIEW_DECISIONS = "review.decisions";
    public static final String DEFAULT_DEAD_LETTER = "review.dead-letter";

    /** The four screening topics, with the default metrics and review-workflow topics. */
    public Topics(String input, String enforcement, String review, String audit) {
        this(input, enforcement, review, audit, DEFAULT_METRICS);
    }

    /** The screening and metrics topics, with the review-workflow topics named after the review topic. */
    public Topics(String input, String enforcement, String review, String audit, String metrics) {
        this(input, enforcement, review, audit, metrics, review + ".commands", review + ".decisions");
    }

    /** With the dead-letter topic named after the review topic. */
    public Topics(String input, String enforcement, String review, String audit, String metrics,
                  String reviewCommands, String reviewDecisions) {
        this(input, enforcement, review, audit, metrics, reviewCommands, reviewDecisions, review + ".dead-letter");
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_INPUT, DEFAULT_ENFORCEMENT, DEFAULT_REVIEW, DEFAULT_AUDIT, DEFAULT_METRICS,
                DEFAULT_REVIEW_COMMANDS, DEFAULT_REVIEW_DECISIONS, DEFAULT_DEAD_LETTER);
    }

    public List<String> all() {
        return List.of(input, enforcement, review, audit, metrics, reviewCommands, reviewDecisions, deadLetter);
    }
}
