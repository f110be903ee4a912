package org.disclosureguard.screen;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.audit.Decision;

/**
 * What the screen decided for one record. {@code projection} is the enforcement record for FORWARD and
 * FORWARD_REDACTED, and null otherwise; {@code findings} say why a record was held or rejected;
 * {@code droppedFields} and {@code dropRuleIds} say what was removed from a forwarded record.
 */
public record ScreeningResult(Decision decision, List<Finding> findings, List<String> droppedFields,
                              List<String> dropRuleIds, GenericRecord projection) {

    public ScreeningResult {
        findings = List.copyOf(findings);
        droppedFields = List.copyOf(droppedFields);
        dropRuleIds = List.copyOf(dropRuleIds);
    }

    public static ScreeningResult quarantined(Decision decision, List<Finding> findings) {
        if (decision != Decision.HOLD && decision != Decision.REJECT) {
            throw new IllegalArgumentException("only HOLD and REJECT quarantine a record");
        }
        return new ScreeningResult(decision, findings, List.of(), List.of(), null);
    }

    public boolean forwarded() {
        return decision == Decision.FORWARD || decision == Decision.FORWARD_REDACTED;
    }

    /** The distinct rule ids behind the decision (holds, rejects and drops), in first-seen order. */
    public List<String> ruleIds() {
        Set<String> ids = new LinkedHashSet<>();
        findings.forEach(f -> ids.add(f.ruleId()));
        ids.addAll(dropRuleIds);
        return List.copyOf(ids);
    }
}
