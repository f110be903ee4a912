package org.disclosureguard.policy;

/** A record that cannot be projected onto the enforcement schema (e.g. an enum symbol the output does not have). */
public final class ProjectionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String fieldPath;

    public ProjectionException(String fieldPath, String message) {
        super(message);
        this.fieldPath = fieldPath;
    }

    public String fieldPath() {
        return fieldPath;
    }
}
