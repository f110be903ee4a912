package org.disclosureguard.policy;

import java.util.List;
import org.disclosureguard.classify.TherapyTextModel;
import org.disclosureguard.policy.PolicyDocument.ClassifierSpec;
import org.disclosureguard.policy.PolicyProblem.Check;

/**
 * The compiled {@code contentScan.classifier} section: the built-in model, the score at which a record is held,
 * and the reason reviewers read.
 */
public record ClassifierPlan(TherapyTextModel model, double threshold, ClassifierSpec spec) {

    /**
     * A threshold below this would hold ordinary notes by the bias alone; the lint says so rather than let a typo
     * (0.9 for 9) stop most traffic.
     */
    static final double MIN_THRESHOLD = 1.0;

    /** The compiled section; null when the policy has none, or when it has problems (added to {@code problems}). */
    static ClassifierPlan compile(ClassifierSpec spec, List<PolicyProblem> problems) {
        if (spec == null) {
            return null;
        }
        String where = "contentScan.classifier";
        int before = problems.size();
        if (Policy.isBlank(spec.ruleId()) || Policy.isBlank(spec.explanation()) || Policy.isBlank(spec.legalBasis())) {
            problems.add(new PolicyProblem(Check.DICTIONARY, where + " needs a ruleId, an explanation and a legalBasis"));
        }
        if (spec.threshold() == null || !Double.isFinite(spec.threshold())) {
            problems.add(new PolicyProblem(Check.DICTIONARY, where + ".threshold is missing: the score at or over which a record is held"));
        } else if (spec.threshold() < MIN_THRESHOLD) {
            problems.add(new PolicyProblem(Check.DICTIONARY, where + ".threshold " + spec.threshold() + " is below "
                    + MIN_THRESHOLD + ": ordinary notes would be held for their common words"));
        }
        TherapyTextModel model;
        try {
            model = TherapyTextModel.builtIn();
        } catch (RuntimeException e) {
            problems.add(new PolicyProblem(Check.DICTIONARY, where + ": the built-in model cannot be read: " + e.getMessage()));
            return null;
        }
        if (!model.sha256().equals(spec.modelSha256())) {
            problems.add(new PolicyProblem(Check.DICTIONARY, where + ".modelSha256 is " + spec.modelSha256()
                    + " but the built-in model's is " + model.sha256() + ": the threshold was chosen for another model (a "
                    + "retrained model is a new policy version; set modelSha256 to the new digest once its threshold is chosen)"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new ClassifierPlan(model, spec.threshold(), spec);
    }
}
