package org.disclosureguard.evaluate;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Per-class results of one evaluation, in corpus order, with the aggregates the targets are stated in. */
public record EvaluationResult(String policyId, String policyVersion, List<ClassResult> classes) {
    static final String TEXT_PREFIX = "text-";
    static final String LOOKALIKE_PREFIX = "lookalike-";

    /** Hits over records of the classes with this label whose name passes the filter. */
    public Rate rate(String label, Predicate<String> classFilter) {
        Rate sum = new Rate(0, 0);
        for (ClassResult result : classes) {
            if (result.label().equals(label) && classFilter.test(result.className())) {
                sum = sum.plus(result.rate());
            }
        }
        return sum;
    }

    public Rate therapyRecall() {
        return rate(CorpusLine.THERAPY, name -> true);
    }

    /** Recall on therapy signalled by the record itself (event type, counseling block, provenance), not its text. */
    public Rate recordSignalRecall() {
        return rate(CorpusLine.THERAPY, name -> !name.startsWith(TEXT_PREFIX));
    }

    public Rate textRecall() {
        return rate(CorpusLine.THERAPY, name -> name.startsWith(TEXT_PREFIX));
    }

    public Rate falseHoldRate() {
        return rate(CorpusLine.BENIGN, name -> true);
    }

    public Rate lookalikeFalseHoldRate() {
        return rate(CorpusLine.BENIGN, name -> name.startsWith(LOOKALIKE_PREFIX));
    }

    public Optional<ClassResult> find(String label, String className) {
        return classes.stream().filter(c -> c.label().equals(label) && c.className().equals(className)).findFirst();
    }

    public List<ClassResult> classes(String label) {
        return classes.stream().filter(c -> c.label().equals(label)).toList();
    }
}
