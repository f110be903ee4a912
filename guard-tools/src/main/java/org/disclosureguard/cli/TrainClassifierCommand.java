package org.disclosureguard.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.disclosureguard.classify.TherapyTextModel;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.evaluate.ClassifierTraining;
import org.disclosureguard.evaluate.InvalidCorpusException;
import org.disclosureguard.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train-classifier", mixinStandardHelpOptions = true,
        description = {"Trains the therapy-text model (contentScan.classifier) from labeled corpora, the format "
                + "evaluate reads, and writes it as a model file (one weighted word or word pair per line). "
                + "It first scores each writer's records (a class's first segment: tuning-b, tuning-c ...) with a "
                + "model trained without them and prints the threshold that holds at most --max-false-holds of "
                + "their benign records, with the recall there: set that threshold in the policy.",
                "The built-in model: train-classifier --corpus corpora/multilingual-tuning.jsonl "
                + "--corpus corpora/therapy-derived.jsonl --corpus corpora/lookalike-benign.jsonl "
                + "--out guard-core/src/main/resources/classifier/therapy-text-model.tsv"})
final class TrainClassifierCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "FILE", required = true,
            description = "Labeled JSON-lines corpus to train on; repeat for several. Keep the held-out split out.")
    List<Path> corpora = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the model file.")
    Path out;

    @Option(names = "--max-false-holds", paramLabel = "PERCENT",
            defaultValue = ClassifierTraining.DEFAULT_MAX_FALSE_HOLDS_PERCENT,
            description = "The share of unseen writers' benign records the suggested threshold may hold. "
                    + "Default: ${DEFAULT-VALUE}.")
    double maxFalseHolds;

    @Option(names = "--skip-validation", description = "Train only: no cross-validation, no suggested threshold.")
    boolean skipValidation;

    @Mixin
    PolicyOption policyOption;

    @Override
    public Integer call() throws Exception {
        if (!(maxFalseHolds >= 0 && maxFalseHolds <= 100)) {
            throw new FriendlyErrors.UserError("--max-false-holds must be a percentage from 0 to 100, not " + maxFalseHolds);
        }
        for (Path corpus : corpora) {
            if (!Files.isRegularFile(corpus)) {
                throw new FriendlyErrors.UserError("corpus file not found: " + corpus);
            }
        }
        // The classifier section is not compiled: it names the digest of the model about to be replaced.
        Policy policy = Policy.compile(Policy.readDocument(policyOption.file).withoutClassifier(), SchemaCatalog.bundled(),
                "policy for training");
        List<ClassifierTraining.Example> examples;
        try {
            examples = ClassifierTraining.examples(policy, corpora);
        } catch (InvalidCorpusException e) {
            throw new FriendlyErrors.UserError(e.getMessage());
        }
        ClassifierTraining training = new ClassifierTraining(ClassifierTraining.DEFAULTS.withMaxFalseHoldRate(maxFalseHolds / 100));
        List<String> header = new ArrayList<>();
        header.add("Disclosure Guard therapy-text model: logistic regression over folded words and word pairs.");
        header.add("Written by train-classifier from " + examples.size() + " records of "
                + String.join(", ", corpora.stream().map(p -> p.getFileName().toString()).toList()) + ".");
        if (!skipValidation) {
            ClassifierTraining.CrossValidation cv = training.crossValidate(examples, System.err::println);
            for (ClassifierTraining.Validation row : cv.table()) {
                System.out.printf(Locale.ROOT, "threshold %5.1f  therapy-derived held %6.2f %%  benign held %5.2f %%%n",
                        row.threshold(), 100.0 * row.therapyHeld() / row.therapy(), 100.0 * row.benignHeld() / row.benign());
            }
            ClassifierTraining.Validation v = cv.chosen();
            if (!cv.met()) {
                System.err.printf(Locale.ROOT, "no threshold searched holds at most %s%% of unseen writers' benign records; "
                        + "the figures below are the highest searched%n", maxFalseHolds);
            }
            String figures = String.format(Locale.ROOT,
                    "Across %d writers, each scored by a model trained without it: threshold %.1f holds %d of %d "
                            + "therapy-derived records (%.1f %%) and %d of %d benign ones (%.1f %%).",
                    v.groups(), v.threshold(), v.therapyHeld(), v.therapy(), 100.0 * v.therapyHeld() / v.therapy(),
                    v.benignHeld(), v.benign(), 100.0 * v.benignHeld() / v.benign());
            System.out.println(figures);
            header.add(figures);
        }
        ClassifierTraining.Model model = training.train(examples);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            ClassifierTraining.write(model, header, writer);
        }
        System.out.println("wrote " + model.weights().size() + " features to " + out + "; in the policy, "
                + "contentScan.classifier.modelSha256: " + TherapyTextModel.sha256(Files.readAllBytes(out)));
        return 0;
    }
}
