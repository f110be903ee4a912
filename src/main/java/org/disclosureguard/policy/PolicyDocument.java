package org.disclosureguard.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The policy file as written (YAML), before validation and compilation. See README "Policy format".
 * Unknown keys are refused so that a typo cannot silently weaken a policy.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PolicyDocument(
        String id,
        String version,
        String description,
        Map<String, ClassificationPolicy> classifications,
        List<String> neverForward,
        List<RuleSpec> rules,
        ContentScanSpec contentScan) {

    /** What happens to fields of one classification, and what a reviewer is told when it bites. */
    public record ClassificationPolicy(Action action, String ruleId, String explanation, String legalBasis) {}

    /** A record-level rule: a CEL condition over the record's fields that holds the whole record. */
    public record RuleSpec(String id, String condition, String explanation, String legalBasis) {}

    /** The dictionary for free-text fields: therapy terms, and look-alike phrases that are not therapy. */
    public record ContentScanSpec(String ruleId, String explanation, String legalBasis,
                                  List<String> terms, List<String> exclusions) {}
}
