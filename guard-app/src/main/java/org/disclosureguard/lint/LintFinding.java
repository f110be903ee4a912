package org.disclosureguard.lint;

/**
 * One thing `lint` found. An ERROR makes the policy or contract unusable (the app would refuse it); a WIDENING is
 * a valid change that may let more cross to enforcement and needs a person's sign-off.
 */
public record LintFinding(Severity severity, String check, String message) {
    public enum Severity { ERROR, WIDENING }

    static LintFinding error(String check, String message) {
        return new LintFinding(Severity.ERROR, check, message);
    }

    static LintFinding widening(String message) {
        return new LintFinding(Severity.WIDENING, "widening", message);
    }
}
