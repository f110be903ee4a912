package org.disclosureguard.review.auth;

import java.util.List;

/** A users file that cannot be used, with every problem found in it, one message each. */
public final class UserStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public UserStoreException(String source, List<String> problems) {
        super("users file " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems' messages, in file order. */
    public List<String> problems() {
        return problems;
    }
}
