package org.disclosureguard.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.disclosureguard.scan.FoldedWords;
import org.junit.jupiter.api.Test;

/** A score is the bias plus the weight of each feature present once; the heaviest are named. */
class TherapyTextModelTest {

    private static final String MODEL = """
            # a test model
            bias\t-1.0
            2.5000\topened up
            1.5000\tnightmares
            -3.0000\tsoccer
            0.2500\tthe
            """;

    private static TherapyTextModel model() throws IOException {
        return TherapyTextModel.read(new StringReader(MODEL));
    }

    @Test
    void scoreSumsTheWeightsOfTheFeaturesPresentOnceEach() throws IOException {
        TherapyTextModel model = model();
        assertEquals(4, model.size());
        assertEquals(-1.0, model.score(List.of("nothing known here")), 1e-6);
        // "the" twice and "opened up" twice still count once each.
        TherapyTextModel.Score score = model.explain(List.of("The boy OPENED up about the nightmares; he opened up."));
        assertEquals(-1.0 + 2.5 + 1.5 + 0.25, score.value(), 1e-6);
        assertEquals("opened up (+2.50), nightmares (+1.50), the (+0.25)", score.describeStrongest());
        assertEquals(-1.0 + 2.5 + 1.5 + 0.25, model.score(List.of("He opened up about the nightmares", "soccer")), 1e-6,
                "a text beside another is scored alone too: the soccer field does not dilute it");
        assertEquals(-1.0 - 3.0 + 0.25, model.score(List.of("soccer", "the soccer")), 1e-6,
                "the whole record counts each feature once");
    }

    @Test
    void aPairDoesNotSpanTwoTextsAndLookAlikesScoreAsTheirLetters() throws IOException {
        TherapyTextModel model = model();
        assertEquals(-1.0, model.score(List.of("he opened", "up")), 1e-6);
        assertEquals(-1.0 + 2.5, model.score(List.of("\u043epened up")), 1e-6); // a Cyrillic o
    }

    @Test
    void benignSentencesAfterAConfidenceDoNotDiluteIt() throws IOException {
        TherapyTextModel model = model();
        String padded = "He opened up about the nightmares. Dinner was rice. Lights out at nine. Soccer after class. Soccer again.";
        assertEquals(-1.0 + 2.5 + 1.5 + 0.25 - 3.0, model.score(List.of(padded.replace(". ", ", "))), 1e-6,
                "one sentence: scored whole");
        TherapyTextModel.Score score = model.explain(List.of(padded));
        assertEquals(-1.0 + 2.5 + 1.5 + 0.25, score.value(), 1e-6, "its first three sentences, without the soccer");
        assertEquals("opened up (+2.50), nightmares (+1.50), the (+0.25)", score.describeStrongest());
    }

    @Test
    void sentencesEndAtStopsQuestionMarksSemicolonsAndLineBreaks() {
        String text = "One two. Three? Four; five\nsix, seven... eight";
        FoldedWords words = FoldedWords.of(text);
        assertEquals(List.of(0, 2, 3, 4, 5, 7), Arrays.stream(TherapyTextModel.sentenceStarts(text, words)).boxed().toList());
    }

    @Test
    void malformedModelsAreRefusedWithTheLine() {
        assertThrows(IllegalArgumentException.class, () -> TherapyTextModel.read(new StringReader("0.5\tword\n")),
                "no bias");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TherapyTextModel.read(new StringReader("bias\t0\n0.5\tthree word feature\n")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TherapyTextModel.read(new StringReader("bias\t0\nNaN\tword\n")));
        assertThrows(IllegalArgumentException.class, () -> TherapyTextModel.read(new StringReader("bias\t0\n1\tWord\n")));
        assertThrows(IllegalArgumentException.class, () -> TherapyTextModel.read(new StringReader("bias\t0\n1\tword\n2\tword\n")));
        assertThrows(IllegalArgumentException.class, () -> TherapyTextModel.read(new StringReader("bias\t0\nword\n")));
        assertThrows(IllegalArgumentException.class, () -> TherapyTextModel.read(new StringReader("bias\t0\n1\tword \n")));
        assertThrows(IllegalArgumentException.class, () -> TherapyTextModel.read(new StringReader("bias\t0\n1\t\n")));
        assertThrows(IllegalArgumentException.class, () -> TherapyTextModel.read(new StringReader("bias\t0\nbias\t1\n")));
    }

    @Test
    void theBuiltInModelLoadsAndWeighsAnUnknownTextAtItsBias() {
        TherapyTextModel model = TherapyTextModel.builtIn();
        assertTrue(model.size() > 1_000, "the built-in model has " + model.size() + " features");
        assertEquals(0.0, model.score(List.of("zqxv wkjh")), 1e-6);
    }

    @Test
    void aHundredThousandShortSentencesAreScoredInLinearTime() throws IOException {
        // Each window sums only its own sentences; summing the whole text per window took minutes on this input.
        String sentences = "He opened up.\n".repeat(100_000);
        double score = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> model().score(List.of(sentences, "soccer")));
        assertEquals(-1.0 + 2.5, score, 1e-6);
        String dotted = "t.h.e.r.a.p.y ".repeat(20_000);
        assertEquals(-1.0, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> model().score(List.of(dotted))), 1e-6);
    }

    @Test
    void sentencesWithoutStopsAreCutEveryFortyWords() {
        String text = "word ".repeat(100);
        FoldedWords words = FoldedWords.of(text);
        assertEquals(List.of(0, 40, 80), Arrays.stream(TherapyTextModel.sentenceStarts(text, words)).boxed().toList());
    }

    @Test
    void hostileTextIsScoredWithoutThrowing() {
        TherapyTextModel model = TherapyTextModel.builtIn();
        String huge = "a ".repeat(200_000) + "\ud800" + "\u202e" + "x".repeat(100_000);
        assertTrue(Double.isFinite(model.score(List.of(huge, "", "\udc00\ud800"))));
    }
}
