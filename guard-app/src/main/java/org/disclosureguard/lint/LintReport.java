package org.disclosureguard.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What `lint` found, for people (text) and for machines (JSON, stable field names). */
public record LintReport(String policy, String policyId, String policyVersion, String schemas, String against,
                         List<LintFinding> findings) {
    /** Exit status: a clean lint. */
    public static final int CLEAN = 0;
    /** Exit status: an error (the app would refuse this policy or contract). */
    public static final int ERRORS = 1;
    /** Exit status: valid, but widening changes need sign-off. */
    public static final int NEEDS_SIGN_OFF = 3;

    public long errors() {
        return findings.stream().filter(f -> f.severity() == LintFinding.Severity.ERROR).count();
    }

    public long widenings() {
        return findings.stream().filter(f -> f.severity() == LintFinding.Severity.WIDENING).count();
    }

    /** Errors fail; widening fails too unless it is signed off ({@code allowWidening}). */
    public int exitCode(boolean allowWidening) {
        if (errors() > 0) {
            return ERRORS;
        }
        return widenings() > 0 && !allowWidening ? NEEDS_SIGN_OFF : CLEAN;
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("policy ").append(policy);
        if (policyId != null) {
            out.append(" (").append(policyId).append(' ').append(policyVersion).append(')');
        }
        out.append("\nschemas ").append(schemas).append('\n');
        if (against != null) {
            out.append("compared with ").append(against).append('\n');
        }
        Map<String, List<LintFinding>> byCheck = new TreeMap<>();
        findings.forEach(f -> byCheck.computeIfAbsent(f.severity() + " " + f.check(), k -> new java.util.ArrayList<>()).add(f));
        byCheck.forEach((heading, list) -> {
            out.append('\n').append(heading.toLowerCase(java.util.Locale.ROOT).replace(' ', ':')).append(" (").append(list.size()).append(")\n");
            list.forEach(f -> out.append("  - ").append(f.message()).append('\n'));
        });
        out.append('\n').append(errors()).append(errors() == 1 ? " error, " : " errors, ")
                .append(widenings()).append(widenings() == 1 ? " widening change" : " widening changes");
        if (widenings() > 0) {
            out.append(" (needs sign-off)");
        }
        return out.append('\n').toString();
    }

    public String toJson() {
        try {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("policy", policy);
            json.put("policyId", policyId);
            json.put("policyVersion", policyVersion);
            json.put("schemas", schemas);
            json.put("against", against);
            json.put("errors", errors());
            json.put("widenings", widenings());
            json.put("findings", findings);
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lint report is plain data and always serializes", e);
        }
    }

    /** Collects the report's header while the checks run. */
    static final class Builder {
        private final String policy;
        private final String schemas;
        private final String against;
        private String policyId;
        private String policyVersion;

        Builder(String policy, String schemas, String against) {
            this.policy = policy;
            this.schemas = schemas;
            this.against = against;
        }

        void policy(String id, String version) {
            this.policyId = id;
            this.policyVersion = version;
        }

        LintReport build(List<LintFinding> findings) {
            return new LintReport(policy, policyId, policyVersion, schemas, against, List.copyOf(findings));
        }
    }
}
