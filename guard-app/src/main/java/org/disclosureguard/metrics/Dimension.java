package org.disclosureguard.metrics;

import java.util.ArrayList;
import java.util.List;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;

/**
 * What the dashboards count decisions by. Every decision counts under its decision; a blocking decision (held,
 * rejected or forwarded redacted) also counts under each rule that bit, each dropped field, and its facility,
 * event type and information source. Keys are {@code dimension|value}: identifiers only, never content.
 */
public enum Dimension {
    DECISION, RULE, FIELD, FACILITY, EVENT_TYPE, SOURCE;

    private static final char SEPARATOR = '|';

    /** The name used in keys and the JSON API (eventType, not EVENT_TYPE). */
    public String label() {
        return switch (this) {
            case DECISION -> "decision";
            case RULE -> "rule";
            case FIELD -> "field";
            case FACILITY -> "facility";
            case EVENT_TYPE -> "eventType";
            case SOURCE -> "source";
        };
    }

    public String key(String value) {
        return label() + SEPARATOR + value;
    }

    /** The dimension of a key, or null for a key of no dimension. */
    public static Dimension of(String key) {
        int at = key.indexOf(SEPARATOR);
        String label = at < 0 ? key : key.substring(0, at);
        for (Dimension dimension : values()) {
            if (dimension.label().equals(label)) {
                return dimension;
            }
        }
        return null;
    }

    /** The value part of a key. */
    public static String valuePart(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    /** Every key a decision counts under. */
    public static List<String> keysOf(ScreeningDecision decision) {
        List<String> keys = new ArrayList<>();
        keys.add(DECISION.key(decision.getDecision().name()));
        if (decision.getDecision() == Decision.FORWARD) {
            return keys;
        }
        decision.getRuleIds().forEach(rule -> keys.add(RULE.key(rule)));
        decision.getDroppedFields().forEach(field -> keys.add(FIELD.key(field)));
        keys.add(FACILITY.key(orUnknown(decision.getFacilityId())));
        keys.add(EVENT_TYPE.key(orUnknown(decision.getEventType())));
        keys.add(SOURCE.key(orUnknown(decision.getInformationSource())));
        return keys;
    }

    private static String orUnknown(CharSequence value) {
        return value == null ? "unknown" : value.toString();
    }
}
