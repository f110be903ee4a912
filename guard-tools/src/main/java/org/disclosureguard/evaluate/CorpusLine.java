package org.disclosureguard.evaluate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.PlainJson;

/**
 * One line of a labeled corpus: {@code {"label": "therapy"|"benign", "class": "...", "record": {...}}}, the record
 * in the replay format (plain JSON CaseRecordEvent).
 */
public record CorpusLine(String label, String className, ObjectNode record) {
    /** Must be held: therapy-derived content. */
    public static final String THERAPY = "therapy";
    /** Must cross: holding it is a false hold. */
    public static final String BENIGN = "benign";

    public CorpusLine {
        if (!THERAPY.equals(label) && !BENIGN.equals(label)) {
            throw new IllegalArgumentException("label must be \"" + THERAPY + "\" or \"" + BENIGN + "\", not " + label);
        }
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("class is missing");
        }
        if (record == null) {
            throw new IllegalArgumentException("record is missing");
        }
    }

    static CorpusLine of(String label, String className, CaseRecordEvent event) {
        return new CorpusLine(label, className, PlainJson.toJson(event));
    }

    public boolean therapy() {
        return THERAPY.equals(label);
    }

    ObjectNode toJson() {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("label", label);
        line.put("class", className);
        line.set("record", record);
        return line;
    }
}
