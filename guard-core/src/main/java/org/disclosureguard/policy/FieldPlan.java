package org.disclosureguard.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The input schema's fields, each with its classification (the {@code disclosure} property) and the policy's
 * action for it. Built once per policy and schema. Every field at every depth must be classified, and every
 * classification must be in the policy: otherwise the policy is refused (fail closed).
 */
public final class FieldPlan {
    public static final String CLASSIFICATION_PROPERTY = "disclosure";

    private final List<FieldCheck> checks;
    private final Map<String, Action> effectiveActions;
    private final Map<String, String> classifications;

    private FieldPlan(List<FieldCheck> checks, Map<String, Action> effectiveActions, Map<String, String> classifications) {
        this.checks = checks;
        this.effectiveActions = effectiveActions;
        this.classifications = classifications;
    }

    /** Builds the plan, adding one message per problem to {@code problems}. */
    static FieldPlan build(Schema input, Map<String, PolicyDocument.ClassificationPolicy> policies, List<PolicyProblem> problems) {
        return build(input, policies, Map.of(), java.util.Set.of(), problems);
    }

    /**
     * Builds the plan with forwarded strings: every string field the policy passes, unless its classification may
     * never be forwarded, is screened too, against the shape its schema field names.
     */
    static FieldPlan build(Schema input, Map<String, PolicyDocument.ClassificationPolicy> policies,
                           Map<String, FieldShape> shapes, java.util.Set<String> neverForward, List<PolicyProblem> problems) {
        Builder builder = new Builder(policies, problems, shapes, neverForward);
        builder.walk(input, "", new int[0], null);
        return new FieldPlan(Collections.unmodifiableList(builder.checks),
                Collections.unmodifiableMap(builder.effective), Collections.unmodifiableMap(builder.classified));
    }

    /** The fields the screen looks at: drop, scan and hold fields, and forwarded strings. */
    public List<FieldCheck> checks() {
        return checks;
    }

    /** The action in force at a path (a dropped or held parent decides for its children); null if no such path. */
    public Action effectiveAction(String path) {
        return effectiveActions.get(path);
    }

    /** The classification written on the field at a path; null if no such path. */
    public String classification(String path) {
        return classifications.get(path);
    }

    public Map<String, String> classifications() {
        return classifications;
    }

    /** Unwraps ["null", T] to T; other schemas are returned as they are. */
    public static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        Schema found = null;
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                if (found != null) {
                    return schema; // a real union: no single type
                }
                found = branch;
            }
        }
        return found == null ? schema : found;
    }

    private static final class Builder {
        final Map<String, PolicyDocument.ClassificationPolicy> policies;
        final List<PolicyProblem> problems;
        final List<FieldCheck> checks = new ArrayList<>();
        final Map<String, Action> effective = new LinkedHashMap<>();
        final Map<String, String> classified = new LinkedHashMap<>();
        final Map<String, FieldShape> shapes;
        final java.util.Set<String> neverForward;

        Builder(Map<String, PolicyDocument.ClassificationPolicy> policies, List<PolicyProblem> problems,
                Map<String, FieldShape> shapes, java.util.Set<String> neverForward) {
            this.policies = policies;
            this.problems = problems;
            this.shapes = shapes;
            this.neverForward = neverForward;
        }

        /** @param inherited the action of a dropped or held ancestor, or null when every ancestor passes */
        void walk(Schema recordSchema, String prefix, int[] positions, Action inherited) {
            for (Schema.Field field : recordSchema.getFields()) {
                String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
                int[] fieldPositions = append(positions, field.pos());
                String classification = field.getProp(CLASSIFICATION_PROPERTY);
                Action action = inherited;
                if (classification == null) {
                    problems.add(new PolicyProblem(PolicyProblem.Check.CLASSIFICATION, "field '" + path + "' of " + recordSchema.getFullName()
                            + " has no '" + CLASSIFICATION_PROPERTY + "' classification"));
                } else {
                    classified.put(path, classification);
                    PolicyDocument.ClassificationPolicy policy = policies.get(classification);
                    if (policy == null || policy.action() == null) {
                        problems.add(new PolicyProblem(PolicyProblem.Check.CLASSIFICATION, "classification '" + classification + "' (field '" + path + "') has no action in the policy"));
                    } else if (inherited == null) {
                        action = policy.action();
                        addCheck(field, path, fieldPositions, classification, policy);
                    }
                }
                effective.put(path, action == null ? Action.HOLD : action);
                Schema type = nonNull(field.schema());
                if (type.getType() == Schema.Type.RECORD) {
                    // Pass recurses; under drop/hold the children are still walked so that they are classified too.
                    walk(type, path, fieldPositions, action == Action.PASS ? null : (action == null ? Action.HOLD : action));
                }
            }
        }

        void addCheck(Schema.Field field, String path, int[] positions, String classification,
                      PolicyDocument.ClassificationPolicy policy) {
            if (policy.action() == Action.PASS) {
                if (nonNull(field.schema()).getType() == Schema.Type.STRING && !neverForward.contains(classification)) {
                    checks.add(new FieldCheck(path, positions, classification, Action.PASS, null, null, null,
                            shapeOf(field, path)));
                }
                return;
            }
            if (policy.action() == Action.SCAN && !isText(nonNull(field.schema()))) {
                problems.add(new PolicyProblem(PolicyProblem.Check.CLASSIFICATION, "classification '" + classification + "' is scanned but field '" + path
                        + "' is not text (string, array of strings or map of strings)"));
                return;
            }
            String ruleId = policy.ruleId() != null ? policy.ruleId() : "field." + classification;
            checks.add(new FieldCheck(path, positions, classification, policy.action(), ruleId,
                    policy.explanation(), policy.legalBasis()));
        }

        FieldShape shapeOf(Schema.Field field, String path) {
            String name = field.getProp(FieldShape.SCHEMA_PROPERTY);
            if (name == null) {
                return null;
            }
            FieldShape shape = shapes.get(name);
            if (shape == null) {
                problems.add(new PolicyProblem(PolicyProblem.Check.SHAPE, "field '" + path + "' has shape '" + name
                        + "', which the policy's fieldShapes does not define"));
            }
            return shape;
        }

        static boolean isText(Schema schema) {
            return switch (schema.getType()) {
                case STRING -> true;
                case ARRAY -> nonNull(schema.getElementType()).getType() == Schema.Type.STRING;
                case MAP -> nonNull(schema.getValueType()).getType() == Schema.Type.STRING;
                default -> false;
            };
        }

        static int[] append(int[] positions, int position) {
            int[] result = java.util.Arrays.copyOf(positions, positions.length + 1);
            result[positions.length] = position;
            return result;
        }
    }
}
