package org.disclosureguard.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.policy.FieldPlan;
import org.disclosureguard.policy.PolicyDocument;

/**
 * Checks of the contract schemas that the policy compiler does not make, because it only looks at the current
 * input version: the released older versions must be classified too (the guard decodes them into the current
 * one), no field classified never-forward in any version may have a namesake in the enforcement schema, and each
 * version of each contract must read what the versions before it wrote.
 */
final class ContractLint {
    private ContractLint() {}

    static List<LintFinding> check(SchemaCatalog catalog, PolicyDocument policy) {
        List<LintFinding> findings = new ArrayList<>();
        List<SchemaCatalog.SchemaVersion> inputs = catalog.versions(SchemaCatalog.CASE_RECORD_EVENT);
        Set<String> neverForward = Set.copyOf(policy.neverForward() == null ? List.of() : policy.neverForward());
        Map<String, String> enforcementPaths = paths(catalog.current(SchemaCatalog.ENFORCEMENT_CASE_EVENT));
        // The current version is checked by the policy compiler; here the released older ones.
        for (int i = 0; i < inputs.size() - 1; i++) {
            SchemaCatalog.SchemaVersion version = inputs.get(i);
            String label = SchemaCatalog.CASE_RECORD_EVENT + " v" + (i + 1) + " (" + version.file() + ")";
            paths(version.schema()).forEach((path, classification) -> {
                if (classification == null) {
                    findings.add(LintFinding.error("classification", "field '" + path + "' of " + label
                            + " has no '" + FieldPlan.CLASSIFICATION_PROPERTY + "' classification"));
                } else if (policy.classifications() == null || !policy.classifications().containsKey(classification)) {
                    findings.add(LintFinding.error("classification", "classification '" + classification + "' (field '"
                            + path + "' of " + label + ") has no action in the policy"));
                } else if (neverForward.contains(classification) && enforcementPaths.containsKey(path)) {
                    findings.add(LintFinding.error("enforcement", "enforcement field '" + path + "' has the name of a '"
                            + classification + "' field of " + label + ", which may never be forwarded"));
                }
            });
        }
        catalog.subjects().forEach((subject, versions) -> compatibility(subject, versions, findings));
        return findings;
    }

    /**
     * Each version must read data written with the previous one (backward compatibility), and the current
     * version must read every older one, since readers decode any released version into the current one.
     */
    private static void compatibility(String subject, List<SchemaCatalog.SchemaVersion> versions, List<LintFinding> findings) {
        int current = versions.size() - 1;
        for (int writer = 0; writer < current; writer++) {
            compare(subject, versions, writer + 1, writer, findings);
            if (writer + 1 != current) {
                compare(subject, versions, current, writer, findings);
            }
        }
    }

    private static void compare(String subject, List<SchemaCatalog.SchemaVersion> versions, int reader, int writer,
                                List<LintFinding> findings) {
        SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(
                versions.get(reader).schema(), versions.get(writer).schema());
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (SchemaCompatibility.Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            findings.add(LintFinding.error("compatibility", subject + " v" + (reader + 1) + " (" + versions.get(reader).file()
                    + ") cannot read data written with v" + (writer + 1) + " (" + versions.get(writer).file() + "): "
                    + incompatibility.getType() + " at " + incompatibility.getLocation() + ": " + incompatibility.getMessage()));
        }
    }

    /** Every field path at every depth (records inside optional fields too), with its classification or null. */
    static Map<String, String> paths(Schema record) {
        Map<String, String> paths = new LinkedHashMap<>();
        walk(record, "", paths);
        return paths;
    }

    private static void walk(Schema record, String prefix, Map<String, String> paths) {
        for (Schema.Field field : record.getFields()) {
            String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
            paths.put(path, field.getProp(FieldPlan.CLASSIFICATION_PROPERTY));
            Schema type = FieldPlan.nonNull(field.schema());
            if (type.getType() == Schema.Type.RECORD) {
                walk(type, path, paths);
            }
        }
    }
}
