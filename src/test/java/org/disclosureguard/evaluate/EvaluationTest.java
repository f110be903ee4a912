package org.disclosureguard.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The targets, measured on the committed corpora with the bundled policy: recall 100% where the record
 * itself says therapy (structural, provenance), at least 99% on disguised therapy terms in free text, at most 5%
 * false holds on look-alikes. Classes the guard is known to miss are pinned to their measured count, each with
 * the mechanism, so that a regression and a fix both fail this test and get noticed.
 */
class EvaluationTest {
    private static final Path CORPORA = Path.of("corpora");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Known gaps: therapy-derived classes below target, with the number caught (of 50) today. Change a number
     * only together with the guard change that moved it.
     */
    private static final Map<String, Integer> KNOWN_TEXT_GAPS = Map.of(
            // FoldTableBuilder applies NFKD before the look-alike table, so U+03F2 (Greek lunate sigma, listed
            // there as 'c') is first decomposed to U+03C2 (final sigma), which folds to nothing.
            "text-homoglyphs", 44,
            // The leetspeak fold is one letter per digit: '1' is always 'i' (so "c1in1cian" for clinician
            // misses), and '6'/'9' for 'g' are not folded at all.
            "text-leetspeak", 39,
            // MarkupDecoder decodes a percent-escape only when the byte is an ASCII letter or digit: the UTF-8
            // escapes of an accented letter ("psic%C3%B3loga") leave the term broken.
            "text-url-encoding", 41,
            // Each free-text field is scanned on its own: a term cut across case notes and incident summary is
            // never seen whole.
            CorpusGenerator.SPLIT_FIELDS, 0);

    /** Look-alike classes above the 5% false-hold target, with the number falsely held (of 50) today. */
    private static final Map<String, Integer> KNOWN_FALSE_HOLDS = Map.of(
            // "physical therapy session": the exclusion "physical therapy" does not cover the longer hit
            // "therapy session", and an exclusion only suppresses hits it covers entirely.
            BenignTexts.PHYSICAL, 4,
            // "counselor" is a term with no school exclusion: held by design (labeled benign so the cost shows).
            BenignTexts.SCHOOL_COUNSELOR, 50);

    private static Policy policy;
    private static EvaluationResult result;

    @BeforeAll
    static void evaluateCommittedCorpora() throws Exception {
        policy = Policy.bundled();
        result = new Evaluation(policy).run(List.of(
                CORPORA.resolve(CorpusGenerator.THERAPY_FILE), CORPORA.resolve(CorpusGenerator.BENIGN_FILE)));
    }

    @Test
    void committedCorporaAreWhatTheGeneratorWrites(@TempDir Path dir) throws Exception {
        for (Path generated : new CorpusGenerator().writeTo(dir)) {
            Path committed = CORPORA.resolve(generated.getFileName());
            assertEquals(Files.readString(committed), Files.readString(generated),
                    committed + " is stale: regenerate it with GenerateCorpora");
        }
    }

    @Test
    void everyClassIsMeasuredAndNoRecordIsRejected() {
        assertEquals(CorpusGenerator.therapyClasses(), names(CorpusLine.THERAPY));
        assertEquals(CorpusGenerator.benignClasses(), names(CorpusLine.BENIGN));
        for (ClassResult c : result.classes()) {
            assertEquals(CorpusGenerator.DEFAULT_PER_CLASS, c.records(), c.className());
            assertEquals(0, c.count(Outcome.REJECTED), c.className() + ": a corpus record does not fit the contract");
        }
    }

    @Test
    void therapySignalledByTheRecordIsAlwaysCaught() {
        assertEquals(50, hits(CorpusLine.THERAPY, CorpusGenerator.STRUCTURAL));
        assertEquals(50, hits(CorpusLine.THERAPY, CorpusGenerator.PROVENANCE));
        assertEquals(1.0, result.recordSignalRecall().fraction());
    }

    @Test
    void disguisedTherapyTermsAreCaughtAtTarget() {
        Rate recall = result.rate(CorpusLine.THERAPY,
                name -> name.startsWith(EvaluationResult.TEXT_PREFIX) && !KNOWN_TEXT_GAPS.containsKey(name));
        assertEquals(50 * (TermDisguise.values().length + 1 - KNOWN_TEXT_GAPS.size()), recall.total());
        assertTrue(recall.fraction() >= 0.99, "text recall outside the known gaps: " + recall.percent());
    }

    @Test
    void knownTextGapsStayExactlyWhereTheyAre() {
        KNOWN_TEXT_GAPS.forEach((className, caught) ->
                assertEquals(caught, hits(CorpusLine.THERAPY, className), className + " caught (of 50)"));
        // With the gaps, all text classes together: 524 of 600 (87.3%), below the 99% target.
        assertEquals(new Rate(524, 600), result.textRecall());
    }

    @Test
    void lookalikesAreRarelyHeld() {
        Rate falseHolds = result.rate(CorpusLine.BENIGN,
                name -> name.startsWith(EvaluationResult.LOOKALIKE_PREFIX) && !name.equals(BenignTexts.SCHOOL_COUNSELOR));
        assertTrue(falseHolds.fraction() <= 0.05, "look-alike false holds: " + falseHolds.percent());
        assertEquals(0, hits(CorpusLine.BENIGN, BenignTexts.ROUTINE), "routine records held");
        for (String className : CorpusGenerator.benignClasses()) {
            int expected = KNOWN_FALSE_HOLDS.getOrDefault(className, 0);
            assertEquals(expected, hits(CorpusLine.BENIGN, className), className + " falsely held (of 50)");
        }
    }

    /** The corpus itself: a text record may only be caught by its therapy term, never by the words around it. */
    @Test
    void textRecordsWithoutTheirTermAllCross() throws Exception {
        List<CorpusLine> neutral = new CorpusGenerator().withTermReplacedBy("notebook").therapyDerived().stream()
                .filter(line -> line.className().startsWith(EvaluationResult.TEXT_PREFIX))
                .toList();
        EvaluationResult withoutTerms = new Evaluation(policy).evaluate(neutral);
        for (ClassResult c : withoutTerms.classes()) {
            assertEquals(0, c.hits(), c.className() + " held without its therapy term: " + c.failures());
        }
    }

    @Test
    void templatesAreVariedAndBilingual() {
        List<String> templates = TherapySentences.templates();
        assertTrue(Set.copyOf(templates).size() >= 30, "distinct templates: " + Set.copyOf(templates).size());
        assertTrue(templates.stream().anyMatch(t -> t.startsWith("Le contó a su [terapeuta]")));
        assertTrue(templates.stream().anyMatch(t -> t.startsWith("During [counseling]")));
    }

    @Test
    void aCounselingBlockDroppedCountsOnlyOffACounselingSessionEvent() throws Exception {
        JsonNode redacted = JSON.readTree("{\"decision\":\"FORWARD_REDACTED\",\"droppedFields\":[\"counseling\"]}");
        JsonNode caseNote = JSON.readTree("{\"eventType\":\"CASE_NOTE\"}");
        JsonNode session = JSON.readTree("{\"eventType\":\"COUNSELING_SESSION\"}");
        assertEquals(Outcome.COUNSELING_DROPPED, Outcome.of(redacted, caseNote));
        assertEquals(Outcome.CROSSED, Outcome.of(redacted, session));
        assertEquals(Outcome.CROSSED, Outcome.of(JSON.readTree("{\"decision\":\"FORWARD_REDACTED\",\"droppedFields\":"
                + "[\"attributes\"]}"), caseNote));

        CorpusLine structural = new CorpusLine(CorpusLine.THERAPY, CorpusGenerator.STRUCTURAL, JSON.createObjectNode());
        CorpusLine text = new CorpusLine(CorpusLine.THERAPY, "text-plain", JSON.createObjectNode());
        CorpusLine benign = new CorpusLine(CorpusLine.BENIGN, BenignTexts.ROUTINE, JSON.createObjectNode());
        assertTrue(Evaluation.isHit(structural, Outcome.COUNSELING_DROPPED));
        assertTrue(!Evaluation.isHit(text, Outcome.COUNSELING_DROPPED), "a text record's therapy text crossed");
        assertTrue(!Evaluation.isHit(text, Outcome.REJECTED), "a rejected therapy record counts as missed");
        assertTrue(Evaluation.isHit(benign, Outcome.REJECTED), "a rejected benign record counts as falsely held");
    }

    @Test
    void reportsNameEveryClassAndTheFailingLines() {
        String table = ResultTable.render(result);
        for (ClassResult c : result.classes()) {
            assertTrue(table.contains(c.className()), c.className());
        }
        assertTrue(table.contains("therapy-derived.jsonl:651"), "first split-fields line is named as missed");
        JsonNode json = ResultJson.render(result);
        assertEquals(700, json.path("therapy").path("all").path("records").asInt());
        assertEquals(50, json.path("benign").path("classes").get(4).path("falselyHeldLines").size());
    }

    private static List<String> names(String label) {
        return result.classes(label).stream().map(ClassResult::className).toList();
    }

    private static int hits(String label, String className) {
        return result.find(label, className).orElseThrow(() -> new AssertionError("no class " + className)).hits();
    }
}
