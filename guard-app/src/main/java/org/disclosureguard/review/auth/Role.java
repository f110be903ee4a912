package org.disclosureguard.review.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a signed-in person may do in the compliance review. */
public enum Role {
    /** Views quarantined payloads and decides on them. */
    REVIEWER(true, true, false),
    /** Sees the decision history and counts, never a payload. */
    AUDITOR(false, false, true),
    /** Everything a reviewer and an auditor can do. */
    ADMIN(true, true, true);

    private final boolean viewPayloads;
    private final boolean decide;
    private final boolean audit;

    Role(boolean viewPayloads, boolean decide, boolean audit) {
        this.viewPayloads = viewPayloads;
        this.decide = decide;
        this.audit = audit;
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

    /** The name used in users files and on the command line: {@code reviewer}, {@code auditor}, {@code admin}. */
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

    /** "reviewer, auditor or admin", for error messages. */
    static String choices() {
        return "reviewer, auditor or admin";
    }
}
