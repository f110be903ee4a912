package org.disclosureguard.policy;

import java.util.List;

/** A policy that cannot be used: every problem found, so that one run shows them all. */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<PolicyProblem> details;

    public PolicyException(String source, List<PolicyProblem> problems) {
        super("policy " + source + " is invalid:\n  - "
                + String.join("\n  - ", problems.stream().map(PolicyProblem::message).toList()));
        this.details = List.copyOf(problems);
    }

    /** A problem with the policy document itself (unreadable, not YAML, an unknown key). */
    static PolicyException document(String source, String message) {
        return new PolicyException(source, List.of(new PolicyProblem(PolicyProblem.Check.DOCUMENT, message)));
    }

    /** The problems' messages. */
    public List<String> problems() {
        return details.stream().map(PolicyProblem::message).toList();
    }

    /** The problems with the kind of check that found each. */
    public List<PolicyProblem> details() {
        return details;
    }
}
