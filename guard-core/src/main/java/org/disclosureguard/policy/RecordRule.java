package org.disclosureguard.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A compiled record-level rule: a CEL condition over the record's top-level fields (one CEL variable per field,
 * e.g. {@code informationSource in ['INDIVIDUAL_COUNSELING']} or {@code author.role == 'CLINICIAN'}) that holds
 * the whole record when true. Compiled once at policy load; evaluation is thread-safe.
 */
public final class RecordRule {
    private final String id;
    private final String condition;
    private final String explanation;
    private final String legalBasis;
    private final CelRuntime.Program program;

    RecordRule(String id, String condition, String explanation, String legalBasis, CelRuntime.Program program) {
        this.id = id;
        this.condition = condition;
        this.explanation = explanation;
        this.legalBasis = legalBasis;
        this.program = program;
    }

    /** True when the rule holds the record. Throws when the condition cannot be evaluated on this record. */
    public boolean matches(GenericRecord record) throws CelEvaluationException {
        Schema schema = record.getSchema();
        // Variables are converted lazily: a rule reads two or three fields, not the counseling block.
        CelVariableResolver variables = name -> {
            Schema.Field field = schema.getField(name);
            return field == null ? Optional.empty() : Optional.of(CelValues.valueOf(record.get(field.pos())));
        };
        Object result = program.eval(variables);
        if (!(result instanceof Boolean matched)) {
            throw new IllegalStateException("rule " + id + " did not evaluate to a bool");
        }
        return matched;
    }

    public String id() {
        return id;
    }

    public String condition() {
        return condition;
    }

    public String explanation() {
        return explanation;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
