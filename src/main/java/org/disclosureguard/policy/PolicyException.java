package org.disclosureguard.policy;

import java.util.List;

/** A policy that cannot be used: every problem found, so that one run shows them all. */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public PolicyException(String source, List<String> problems) {
        super("policy " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
