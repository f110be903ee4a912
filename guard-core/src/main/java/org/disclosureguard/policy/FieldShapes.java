package org.disclosureguard.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.disclosureguard.policy.PolicyDocument.FieldShapesSpec;
import org.disclosureguard.policy.PolicyDocument.ShapeSpec;
import org.disclosureguard.policy.PolicyProblem.Check;

/** Compiles the policy's {@code fieldShapes}: each shape a full-match pattern or a closed list of values. */
final class FieldShapes {

    private FieldShapes() {
    }

    static Map<String, FieldShape> compile(FieldShapesSpec spec, List<PolicyProblem> problems) {
        Map<String, FieldShape> shapes = new HashMap<>();
        if (spec == null) {
            return shapes;
        }
        if (Policy.isBlank(spec.ruleId()) || Policy.isBlank(spec.explanation()) || Policy.isBlank(spec.legalBasis())) {
            problems.add(new PolicyProblem(Check.SHAPE, "fieldShapes needs a ruleId, an explanation and a legalBasis"));
        }
        (spec.shapes() == null ? Map.<String, ShapeSpec>of() : spec.shapes()).forEach((name, shape) -> {
            String where = "fieldShapes.shapes." + name;
            if (shape == null || (Policy.isBlank(shape.pattern()) && (shape.values() == null || shape.values().isEmpty()))) {
                problems.add(new PolicyProblem(Check.SHAPE, where + " needs a pattern or a list of values"));
                return;
            }
            Pattern pattern = null;
            if (!Policy.isBlank(shape.pattern())) {
                try {
                    pattern = Pattern.compile(shape.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(new PolicyProblem(Check.SHAPE, where + ".pattern does not compile: " + e.getDescription()));
                    return;
                }
            }
            Set<String> values = null;
            if (shape.values() != null && !shape.values().isEmpty()) {
                values = new HashSet<>();
                for (String value : shape.values()) {
                    values.add(FieldShape.normalizedValue(value));
                }
            }
            shapes.put(name, new FieldShape(name, shape.description(), pattern, values == null ? null : Set.copyOf(values)));
        });
        return shapes;
    }
}
