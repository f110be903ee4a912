package org.disclosureguard.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The allow-list: projects an input record onto the enforcement schema. Only fields that exist in the
 * enforcement schema can cross, and of those only the ones whose input field the policy passes (pass, or scan
 * with a clean scan); everything else is left null. Enum symbols are mapped by name, and a symbol the output
 * enum lacks fails the projection (so the record is held, not forwarded). Built and checked once per policy.
 */
public final class Projection {
    /** Marks an enforcement field that the guard fills in itself rather than copying from the input. */
    public static final String SOURCE_PROPERTY = "source";
    public static final String GUARD_SOURCE = "guard";

    private final RecordCopier root;

    /** Who screened the record, for the guard-filled stamp field. */
    public record Stamp(String policyId, String policyVersion, long screenedAt) {}

    private Projection(RecordCopier root) {
        this.root = root;
    }

    static Projection build(Schema input, Schema output, FieldPlan plan, Set<String> neverForward, List<PolicyProblem> problems) {
        return new Projection(new Builder(plan, neverForward, problems).record(input, output, ""));
    }

    public GenericRecord project(GenericRecord input, Stamp stamp) throws ProjectionException {
        return root.copy(input, stamp);
    }

    private interface Copier {
        Object copy(Object value, Stamp stamp) throws ProjectionException;
    }

    private record Slot(int outPos, int inPos, boolean nullable, Copier copier, String path) {}

    private static final class RecordCopier implements Copier {
        final Schema output;
        final List<Slot> slots;

        RecordCopier(Schema output, List<Slot> slots) {
            this.output = output;
            this.slots = slots;
        }

        @Override
        public GenericRecord copy(Object value, Stamp stamp) throws ProjectionException {
            GenericRecord in = (GenericRecord) value;
            GenericData.Record out = new GenericData.Record(output);
            for (Slot slot : slots) {
                Object inValue = slot.inPos < 0 ? null : in.get(slot.inPos);
                if (slot.copier == null) {
                    continue; // not allowed to cross: stays null
                }
                if (inValue == null && slot.inPos >= 0) {
                    if (!slot.nullable) {
                        throw new ProjectionException(slot.path, "field '" + slot.path + "' is null but required by the enforcement schema");
                    }
                    continue;
                }
                out.put(slot.outPos, slot.copier.copy(inValue, stamp));
            }
            return out;
        }
    }

    private static final class Builder {
        final FieldPlan plan;
        final Set<String> neverForward;
        final List<PolicyProblem> problems;

        Builder(FieldPlan plan, Set<String> neverForward, List<PolicyProblem> problems) {
            this.plan = plan;
            this.neverForward = neverForward;
            this.problems = problems;
        }

        RecordCopier record(Schema input, Schema output, String prefix) {
            List<Slot> slots = new ArrayList<>();
            for (Schema.Field outField : output.getFields()) {
                String path = prefix.isEmpty() ? outField.name() : prefix + "." + outField.name();
                boolean nullable = FieldPlan.nonNull(outField.schema()) != outField.schema();
                Schema outType = FieldPlan.nonNull(outField.schema());
                if (GUARD_SOURCE.equals(outField.getProp(SOURCE_PROPERTY))) {
                    slots.add(new Slot(outField.pos(), -1, nullable, stampCopier(outType, path), path));
                    continue;
                }
                Schema.Field inField = input.getField(outField.name());
                if (inField == null) {
                    problems.add(new PolicyProblem(PolicyProblem.Check.ENFORCEMENT, "enforcement field '" + path + "' has no input field of that name and path to come from"));
                    continue;
                }
                String classification = plan.classification(path);
                if (classification != null && neverForward.contains(classification)) {
                    problems.add(new PolicyProblem(PolicyProblem.Check.ENFORCEMENT, "enforcement field '" + path + "' comes from a '" + classification
                            + "' field, which the policy says may never be forwarded"));
                    continue;
                }
                Action action = plan.effectiveAction(path);
                boolean allowed = action == Action.PASS || action == Action.SCAN;
                if (!allowed && !nullable) {
                    problems.add(new PolicyProblem(PolicyProblem.Check.ENFORCEMENT, "enforcement field '" + path + "' is required but the policy does not pass its input field (" + action + ")"));
                    continue;
                }
                Copier copier = allowed ? copier(FieldPlan.nonNull(inField.schema()), outType, path) : null;
                slots.add(new Slot(outField.pos(), inField.pos(), nullable, copier, path));
            }
            return new RecordCopier(output, slots);
        }

        Copier copier(Schema in, Schema out, String path) {
            if (in.getType() != out.getType() || !Objects.equals(in.getLogicalType(), out.getLogicalType())) {
                problems.add(new PolicyProblem(PolicyProblem.Check.ENFORCEMENT, "enforcement field '" + path + "' has type " + describe(out) + " but its input field is " + describe(in)));
                return (value, stamp) -> value;
            }
            switch (out.getType()) {
                case RECORD:
                    return record(in, out, path);
                case ENUM: {
                    Map<String, GenericData.EnumSymbol> symbols = new HashMap<>();
                    for (String symbol : out.getEnumSymbols()) {
                        symbols.put(symbol, new GenericData.EnumSymbol(out, symbol));
                    }
                    return (value, stamp) -> {
                        GenericData.EnumSymbol mapped = symbols.get(value.toString());
                        if (mapped == null) {
                            throw new ProjectionException(path, "value '" + value + "' of '" + path
                                    + "' has no place in the enforcement schema");
                        }
                        return mapped;
                    };
                }
                case ARRAY: {
                    Copier element = copier(FieldPlan.nonNull(in.getElementType()), FieldPlan.nonNull(out.getElementType()), path + "[]");
                    return (value, stamp) -> {
                        Collection<?> items = (Collection<?>) value;
                        List<Object> copy = new GenericData.Array<>(items.size(), out);
                        for (Object item : items) {
                            copy.add(item == null ? null : element.copy(item, stamp));
                        }
                        return copy;
                    };
                }
                case MAP: {
                    Copier element = copier(FieldPlan.nonNull(in.getValueType()), FieldPlan.nonNull(out.getValueType()), path + "{}");
                    return (value, stamp) -> {
                        Map<String, Object> copy = new HashMap<>();
                        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                            copy.put(entry.getKey().toString(), entry.getValue() == null ? null : element.copy(entry.getValue(), stamp));
                        }
                        return copy;
                    };
                }
                case STRING:
                    // Avro's Utf8 as decoded: the writer copies its bytes instead of re-encoding a String.
                    return (value, stamp) -> value;
                default:
                    return (value, stamp) -> value; // immutable scalars (and ByteBuffer, which the encoder only reads)
            }
        }

        Copier stampCopier(Schema out, String path) {
            List<String> expected = List.of("policyId", "policyVersion", "screenedAt");
            List<String> actual = out.getType() == Schema.Type.RECORD
                    ? out.getFields().stream().map(Schema.Field::name).toList() : List.of();
            if (!actual.equals(expected)) {
                problems.add(new PolicyProblem(PolicyProblem.Check.ENFORCEMENT, "guard-filled enforcement field '" + path + "' must be a record with fields " + expected));
            }
            return (value, stamp) -> {
                GenericData.Record record = new GenericData.Record(out);
                record.put(0, stamp.policyId());
                record.put(1, stamp.policyVersion());
                record.put(2, stamp.screenedAt());
                return record;
            };
        }

        static String describe(Schema schema) {
            return schema.getLogicalType() != null ? schema.getType() + "/" + schema.getLogicalType().getName() : schema.getType().toString();
        }
    }
}
