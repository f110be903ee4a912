package org.disclosureguard.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disclosureguard.classify.TherapyTextModel;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.Test;

/**
 * The model is trained, not written: training is deterministic, the written file scores as the trained model does,
 * the threshold comes from writers the model did not see, and the built-in model is exactly what the committed
 * corpora train.
 */
class ClassifierTrainingTest {

    private static List<ClassifierTraining.Example> toyExamples() {
        List<ClassifierTraining.Example> examples = new ArrayList<>();
        String[] groups = {"tuning-a", "tuning-b", "tuning-c", "tuning-d"};
        for (int i = 0; i < 40; i++) {
            String group = groups[i % groups.length];
            examples.add(example(true, group, "in session she shared that the men made her carry packages " + i % 3));
            examples.add(example(true, group, "during counseling he disclosed nightmares about the river " + i % 5));
            examples.add(example(false, group, "she played football and shared her snack with the group " + i % 3));
            examples.add(example(false, group, "he carried the packages of clothes to the laundry room " + i % 5));
        }
        return examples;
    }

    /** The weight of a word, named as the model names it (folded: "football" is "footbaii"). */
    private static double weight(ClassifierTraining.Model model, String word) {
        String folded = ClassifierTraining.features(List.of(word)).iterator().next();
        return model.weights().getOrDefault(folded, 0.0);
    }

    private static ClassifierTraining.Example example(boolean therapy, String group, String text) {
        return ClassifierTraining.Example.of(therapy, group, List.of(text));
    }

    @Test
    void trainingIsDeterministicAndWeighsTheTellingWords() {
        ClassifierTraining training = new ClassifierTraining(ClassifierTraining.DEFAULTS);
        ClassifierTraining.Model first = training.train(toyExamples());
        assertEquals(first, training.train(toyExamples()));
        assertEquals(0.0, first.bias(), "the bias is not learned: unknown words score 0");
        assertTrue(weight(first, "session") > 0 && weight(first, "football") < 0, first.weights().toString());
        assertTrue(first.score(ClassifierTraining.features(List.of("in session: nightmares")))
                > first.score(ClassifierTraining.features(List.of("football in the laundry room"))));
    }

    @Test
    void theWrittenModelScoresTextsAsTheTrainedOne() throws IOException {
        ClassifierTraining.Model trained = new ClassifierTraining(ClassifierTraining.DEFAULTS).train(toyExamples());
        StringWriter file = new StringWriter();
        ClassifierTraining.write(trained, List.of("toy"), file);
        TherapyTextModel read = TherapyTextModel.read(new StringReader(file.toString()));
        for (String text : List.of("In session she shared nightmares", "He played football in the laundry room",
                "Durante la sesión contó que cargaba paquetes", "")) {
            assertEquals(trained.score(ClassifierTraining.features(List.of(text))), read.score(List.of(text)), 1e-3, text);
        }
    }

    @Test
    void theThresholdHoldsAtMostTheAllowedShareOfUnseenWritersBenignRecords() {
        ClassifierTraining.CrossValidation cv = new ClassifierTraining(ClassifierTraining.DEFAULTS)
                .crossValidate(toyExamples(), message -> { });
        ClassifierTraining.Validation chosen = cv.chosen();
        assertEquals(4, chosen.groups());
        assertEquals(80, chosen.benign());
        assertTrue(chosen.benignHeld() <= ClassifierTraining.DEFAULTS.maxFalseHoldRate() * chosen.benign(), chosen.toString());
        assertTrue(chosen.therapyHeld() > chosen.therapy() / 2, "the toy corpus separates: " + chosen);
        for (ClassifierTraining.Validation row : cv.table()) {
            if (row.threshold() < chosen.threshold()) {
                assertTrue(row.benignHeld() > ClassifierTraining.DEFAULTS.maxFalseHoldRate() * row.benign(),
                        "the chosen threshold is the lowest allowed one, but " + row + " was allowed too");
            }
        }
    }

    @Test
    void theBuiltInModelIsWhatTheCommittedCorporaTrain() throws IOException {
        Path corpora = Path.of("corpora");
        List<ClassifierTraining.Example> examples = ClassifierTraining.examples(Policy.bundled(), List.of(
                corpora.resolve("multilingual-tuning.jsonl"), corpora.resolve("therapy-derived.jsonl"),
                corpora.resolve("lookalike-benign.jsonl")));
        StringWriter trained = new StringWriter();
        ClassifierTraining.write(new ClassifierTraining(ClassifierTraining.DEFAULTS).train(examples), List.of(), trained);
        String builtIn = Files.readString(Path.of("guard-core/src/main/resources" + TherapyTextModel.BUILT_IN), StandardCharsets.UTF_8);
        assertEquals(withoutComments(builtIn), withoutComments(trained.toString()),
                "the built-in model differs from what train-classifier makes of the committed corpora: run the command its "
                        + "--help gives for the built-in model, set the threshold and modelSha256 it prints in the policy, commit both");
    }

    /**
     * Records therapy-derived by their fields (a counseling-session event, a therapy source) carry routine text; a
     * model trained on it as therapy held the same routine notes when they came alone.
     */
    @Test
    void recordsTherapyDerivedByTheirFieldsAreNotLearnedAsTherapyText() throws IOException {
        List<String> routine = List.of("El joven participó en la clase de inglés y habló por teléfono con su hermana.");
        CorpusRecords records = new CorpusRecords("training-test", 7L);
        Path corpus = Files.createTempFile("set-by-fields", ".jsonl");
        try {
            CorpusFile.write(corpus, List.of(
                    CorpusLine.of(CorpusLine.THERAPY, CorpusGenerator.PROVENANCE, records.therapyProvenance(routine.get(0))),
                    CorpusLine.of(CorpusLine.THERAPY, CorpusGenerator.STRUCTURAL, records.routineNoteWithCounselingBlock()),
                    CorpusLine.of(CorpusLine.THERAPY, "text-plain", records.routineText("In session she disclosed the debt.")),
                    CorpusLine.of(CorpusLine.BENIGN, "routine", records.benign(routine.get(0)))));
            List<ClassifierTraining.Example> examples = ClassifierTraining.examples(Policy.bundled(), List.of(corpus));
            assertEquals(2, examples.size(), examples.toString());
            assertEquals(1, examples.stream().filter(ClassifierTraining.Example::therapy).count());
            assertTrue(examples.stream().filter(ClassifierTraining.Example::therapy).allMatch(e -> e.texts().toString().contains("debt")));
        } finally {
            Files.deleteIfExists(corpus);
        }
    }

    private static String withoutComments(String model) {
        return String.join("\n", model.lines().filter(l -> !l.startsWith("#")).toList());
    }
}
