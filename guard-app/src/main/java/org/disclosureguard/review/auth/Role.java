package org.disclosureguard.review.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a signed-in person may do in the compliance review. */
public enum Role {
    /** Views quarantined payloads and decides on them. */
    REVIEWER(true, true, false, false),
    /** Sees the decision history and counts, never a payload; reads the metrics and dashboards. */
    AUDITOR(false, false, true, true),
    /** Everything a reviewer and an auditor can do. */
    ADMIN(true, true, true, true),
    /** Reads the metrics and dashboards only (a Prometheus scraper, a wall display): no review page, no history. */
    METRICS(false, false, false, true);

    private final boolean viewPayloads;
    private final boolean decide;
    private final boolean audit;
    private final boolean readMetrics;

    Role(boolean viewPayloads, boolean decide, boolean audit, boolean readMetrics) {
        this.viewPayloads = viewPayloads;
        this.decide = decide;
        this.audit = audit;
        this.readMetrics = readMetrics;
    }

    public boolean canViewPayloads() {
        return viewPayloads;
    }

    public boolean canDecide() {
        return decide;
    }

    public boolean canAudit() {
        return audit;
    }

    /** Whether /metrics, /dashboard and /api/metrics answer this role when they ask for credentials. */
    public boolean canReadMetrics() {
        return readMetrics;
    }

    /** The name used in users files and on the command line: {@code reviewer}, {@code auditor}, {@code admin}, {@code metrics}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this name, case-insensitively; empty for anything else. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** "reviewer, auditor, admin or metrics", for error messages. */
    public static String choices() {
        return "reviewer, auditor, admin or metrics";
    }
}
