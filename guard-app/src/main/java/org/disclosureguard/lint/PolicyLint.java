package org.disclosureguard.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.policy.PolicyDocument;
import org.disclosureguard.policy.PolicyException;
import org.disclosureguard.policy.PolicyProblem;
import org.disclosureguard.policy.PolicyWidening;
import org.disclosureguard.registry.RegistryClient;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.FieldCheck;
import org.disclosureguard.policy.FieldShape;

/**
 * The checks behind the `lint` command, for the agencies' CI pipelines: the policy against the contract schemas
 * (everything the app checks when it loads a policy), the contract's own evolution, and, given the policy it
 * replaces, every widening change. Reports every finding at once; never throws for a bad input.
 */
public final class PolicyLint {
    private PolicyLint() {}

    /**
     * @param policyFile the policy to check, or null for the bundled one
     * @param schemasDir a folder with catalog.yaml and the .avsc files it lists, or null for the bundled contract
     * @param against    the policy this one replaces, or null for no widening check
     */
    public static LintReport run(Path policyFile, Path schemasDir, Path against) {
        return run(policyFile, schemasDir, against, null, null);
    }

    /**
     * As above, and with a registry: the contract checked against it for the given topics (see {@link RegistryLint}).
     */
    public static LintReport run(Path policyFile, Path schemasDir, Path against, RegistryClient registry,
                                 Topics topics) {
        String policySource = policyFile == null ? "bundled:" + Policy.BUNDLED_RESOURCE : policyFile.toString();
        String schemasSource = schemasDir == null ? "bundled:schemas/" : schemasDir.toString();
        List<LintFinding> findings = new ArrayList<>();
        LintReport.Builder report = new LintReport.Builder(policySource, schemasSource, against == null ? null : against.toString());

        SchemaCatalog catalog;
        try {
            catalog = schemasDir == null ? SchemaCatalog.bundled()
                    : SchemaCatalog.load(relative -> Files.newInputStream(schemasDir.resolve(relative)));
            catalog.versions(SchemaCatalog.CASE_RECORD_EVENT);
            catalog.versions(SchemaCatalog.ENFORCEMENT_CASE_EVENT);
        } catch (RuntimeException e) {
            findings.add(LintFinding.error("schemas", "cannot load the contract schemas from " + schemasSource + ": " + e.getMessage()));
            return report.build(findings);
        }

        PolicyDocument document;
        try {
            document = read(policyFile, policySource);
        } catch (PolicyException e) {
            addAll(e, findings, "");
            return report.build(findings);
        }
        report.policy(document.id(), document.version());

        Policy policy = null;
        try {
            policy = Policy.compile(document, catalog, policySource);
        } catch (PolicyException e) {
            addAll(e, findings, "");
        }
        findings.addAll(ContractLint.check(catalog, document));
        if (policy != null) {
            findings.addAll(unshapedForwardedStrings(policy));
        }

        if (against != null) {
            compare(against, document, policy, findings);
        }
        if (registry != null) {
            findings.addAll(RegistryLint.check(registry, catalog, topics));
        }
        return report.build(findings);
    }

    /**
     * Every string the policy forwards must declare its shape (schema property "shape"): without one, prose typed
     * into the field is only content-scanned, and a disclosure worded without a dictionary term would cross.
     */
    static List<LintFinding> unshapedForwardedStrings(Policy policy) {
        List<LintFinding> findings = new ArrayList<>();
        for (FieldCheck check : policy.fieldPlan().checks()) {
            if (check.forwardedString() && check.shape() == null) {
                findings.add(LintFinding.error("shape", "forwarded string field '" + check.path() + "' declares no shape: add a \""
                        + FieldShape.SCHEMA_PROPERTY + "\" property naming one of the policy's fieldShapes"));
            }
        }
        return findings;
    }

    private static void compare(Path against, PolicyDocument document, Policy policy, List<LintFinding> findings) {
        PolicyDocument previous;
        try {
            previous = read(against, against.toString());
        } catch (PolicyException e) {
            addAll(e, findings, "the --against policy: ");
            return;
        }
        if (!previous.equals(document) && previous.version() != null && previous.version().equals(document.version())) {
            findings.add(LintFinding.error("version", "the policy changed but its version is still '" + document.version()
                    + "': every decision records the version it was made under, so a changed policy needs a new one"));
        }
        if (policy == null) {
            return; // an invalid policy cannot be compared field by field; its errors are reported already
        }
        PolicyWidening.between(previous, policy).forEach(w -> findings.add(LintFinding.widening(w)));
    }

    private static PolicyDocument read(Path file, String source) {
        if (file == null) {
            return Policy.bundled().document();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Policy.parse(in, source);
        } catch (IOException e) {
            throw new PolicyException(source, List.of(new PolicyProblem(PolicyProblem.Check.DOCUMENT, "cannot read it: " + e)));
        }
    }

    private static void addAll(PolicyException e, List<LintFinding> findings, String prefix) {
        for (PolicyProblem problem : e.details()) {
            findings.add(LintFinding.error(problem.check().name().toLowerCase(Locale.ROOT), prefix + problem.message()));
        }
    }
}
