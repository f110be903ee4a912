package org.disclosureguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.disclosureguard.evaluate.CorpusGenerator;
import org.disclosureguard.evaluate.Evaluation;
import org.disclosureguard.evaluate.EvaluationResult;
import org.disclosureguard.evaluate.InvalidCorpusException;
import org.disclosureguard.evaluate.Rate;
import org.disclosureguard.evaluate.ResultJson;
import org.disclosureguard.evaluate.ResultTable;
import org.disclosureguard.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.disclosureguard.evaluate.MultilingualCorpus;

/** Measures how well a policy catches therapy-derived records and lets look-alikes through. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Runs labeled corpora through the screening topology (no broker) and reports, per class, the "
                + "recall on therapy-derived records and the false-hold rate on benign look-alikes; for the "
                + "multilingual corpora also per split (tuning, held-out) and language.",
                "Corpus lines are {\"label\": \"therapy\"|\"benign\", \"class\": \"...\", \"record\": {CaseRecordEvent}}. "
                + "A measurement: exit code 0 whatever the numbers, unless --min-recall or --max-false-holds is given "
                + "and missed (exit code 1)."})
final class EvaluateCommand implements Callable<Integer> {
    static final int THRESHOLD_MISSED = 1;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Labeled JSON-lines corpus; repeat for several.")
    List<Path> corpora = new ArrayList<>();

    @Option(names = "--generate", paramLabel = "DIR",
            description = "Write the built-in corpora (" + CorpusGenerator.THERAPY_FILE + ", " + CorpusGenerator.BENIGN_FILE
                    + ", " + MultilingualCorpus.TUNING_FILE + ", "
                    + MultilingualCorpus.HELD_OUT_FILE
                    + ") to this folder first, and evaluate them along with any --corpus.")
    Path generateDir;

    @Mixin
    PolicyOption policyOption;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Report format: text (tables) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--min-recall", paramLabel = "PERCENT",
            description = "Exit 1 if the recall over all therapy-derived records is below this percentage "
                    + "(or there are none).")
    Double minRecall;

    @Option(names = "--max-false-holds", paramLabel = "PERCENT",
            description = "Exit 1 if the false-hold rate over all benign records is above this percentage.")
    Double maxFalseHolds;

    enum Format { text, json }

    @Override
    public Integer call() throws Exception {
        checkPercent("--min-recall", minRecall);
        checkPercent("--max-false-holds", maxFalseHolds);
        List<Path> inputs = new ArrayList<>();
        if (generateDir != null) {
            inputs.addAll(new CorpusGenerator().writeTo(generateDir));
        }
        inputs.addAll(corpora);
        if (inputs.isEmpty()) {
            throw new FriendlyErrors.UserError("nothing to evaluate: give --corpus FILE or --generate DIR");
        }
        for (Path corpus : inputs) {
            if (!Files.isRegularFile(corpus)) {
                throw new FriendlyErrors.UserError("corpus file not found: " + corpus);
            }
        }
        EvaluationResult result;
        try {
            result = new Evaluation(policyOption.load()).run(inputs);
        } catch (InvalidCorpusException e) {
            throw new FriendlyErrors.UserError(e.getMessage());
        }
        if (format == Format.json) {
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ResultJson.render(result)));
        } else {
            System.out.print(ResultTable.render(result));
        }
        return thresholdsMet(result) ? 0 : THRESHOLD_MISSED;
    }

    private boolean thresholdsMet(EvaluationResult result) {
        boolean met = true;
        Rate recall = result.therapyRecall();
        if (minRecall != null && !(recall.total() > 0 && 100 * recall.fraction() >= minRecall)) {
            System.err.printf("recall %s is below --min-recall %s%%%n", recall.percent(), minRecall);
            met = false;
        }
        Rate falseHolds = result.falseHoldRate();
        if (maxFalseHolds != null && falseHolds.total() > 0 && 100 * falseHolds.fraction() > maxFalseHolds) {
            System.err.printf("false-hold rate %s is above --max-false-holds %s%%%n", falseHolds.percent(), maxFalseHolds);
            met = false;
        }
        return met;
    }

    private static void checkPercent(String option, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 100)) {
            throw new FriendlyErrors.UserError(option + " must be a percentage from 0 to 100, not " + value);
        }
    }
}
