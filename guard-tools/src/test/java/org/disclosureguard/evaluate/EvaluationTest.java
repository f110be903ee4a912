package org.disclosureguard.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.scan.TermMatch;
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

    /*
     * History: the first run of this evaluation (policy 2026.11.1) missed text-homoglyphs (44/50: NFKD ran before
     * the look-alike table), text-leetspeak (39/50: '1' for 'l', '6'/'9' for 'g'), text-url-encoding (41/50:
     * UTF-8 escapes were not decoded) and text-split-fields (0/50: fields were scanned one by one), and falsely
     * held lookalike-physical (4/50: "physical therapy session") and lookalike-school-counselor (50/50). Each is
     * fixed and every class is now held to the targets below; a regression in any class fails here.
     */

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
        Rate recall = result.textRecall();
        assertEquals(50 * (TermDisguise.values().length + 1), recall.total());
        assertTrue(recall.fraction() >= 0.99, "text recall: " + recall.percent());
        for (String className : CorpusGenerator.therapyClasses()) {
            if (className.startsWith(EvaluationResult.TEXT_PREFIX)) {
                assertTrue(hits(CorpusLine.THERAPY, className) >= 49, className + " caught (of 50)");
            }
        }
    }

    @Test
    void lookalikesAreRarelyHeld() {
        Rate falseHolds = result.rate(CorpusLine.BENIGN, name -> name.startsWith(EvaluationResult.LOOKALIKE_PREFIX));
        assertTrue(falseHolds.fraction() <= 0.05, "look-alike false holds: " + falseHolds.percent());
        assertEquals(0, hits(CorpusLine.BENIGN, BenignTexts.ROUTINE), "routine records held");
        for (String className : CorpusGenerator.benignClasses()) {
            assertTrue(hits(CorpusLine.BENIGN, className) <= 2, className + " falsely held (of 50)");
        }
    }

    /**
     * With its therapy term replaced by a neutral word, a text record crosses the dictionary unless what it retells is
     * itself a historical disclosure (a telling and a harm in one sentence, a pair of the policy): then it is held by
     * that pair and by no term, and every such record is counted so that a change in either direction shows. The
     * classifier (measured without it here, so that the count is the dictionary's) holds at least as many: it reads
     * the rest of the note, which still retells a session.
     */
    @Test
    void textRecordsWithoutTheirTermCrossUnlessTheyRetellAHarm() throws Exception {
        List<CorpusLine> neutral = new CorpusGenerator().withTermReplacedBy("notebook").therapyDerived().stream()
                .filter(line -> line.className().startsWith(EvaluationResult.TEXT_PREFIX))
                .toList();
        Policy dictionaryOnly = Policy.compile(policy.document().withoutClassifier(), SchemaCatalog.bundled(),
                "bundled, without classifier");
        assertNull(dictionaryOnly.classifier());
        EvaluationResult withoutTerms = new Evaluation(dictionaryOnly).evaluate(neutral);
        EvaluationResult withClassifier = new Evaluation(policy).evaluate(neutral);
        assertTrue(withClassifier.therapyRecall().count() >= withoutTerms.therapyRecall().count(),
                withClassifier.therapyRecall() + " against " + withoutTerms.therapyRecall());
        Map<String, Integer> heldAsDisclosures = new java.util.TreeMap<>();
        for (ClassResult c : withoutTerms.classes()) {
            // A word mixing look-alike scripts is held whatever it spells (content.mixed-script): the disguise
            // itself is the reason, so that class is held with or without its term.
            if (c.className().equals(TermDisguise.HOMOGLYPHS.className())) {
                assertEquals(c.records(), c.hits(), c.className() + " held without its therapy term: " + c.failures());
            } else if (c.hits() > 0) {
                heldAsDisclosures.put(c.className(), c.hits());
            }
        }
        // Every class at once, so that a change to the pairs shows all it moves.
        assertEquals(new java.util.TreeMap<>(HELD_AS_DISCLOSURES_WITHOUT_TERM), heldAsDisclosures);
        for (CorpusLine line : neutral) {
            if (!line.className().equals(TermDisguise.HOMOGLYPHS.className())) {
                for (String text : strings(line.record())) {
                    for (TermMatch match : policy.scanner().scan(text)) {
                        assertTrue(match.term().contains(" … "), line.className() + ": a term without its term: " + match);
                    }
                }
            }
        }
    }

    /**
     * Text classes whose records, their therapy term removed, still retell a harm (measured; more since 2026.12.21,
     * when a relative who hit or beat the child became a harm of the pairs in every language).
     */
    private static final Map<String, Integer> HELD_AS_DISCLOSURES_WITHOUT_TERM = Map.ofEntries(
            Map.entry("text-plain", 34), Map.entry("text-case", 42), Map.entry("text-accents", 40),
            Map.entry("text-zero-width", 40), Map.entry("text-spacing", 44), Map.entry("text-hyphenation", 40),
            Map.entry("text-leetspeak", 37), Map.entry("text-html", 40), Map.entry("text-markdown", 43),
            Map.entry("text-url-encoding", 35), Map.entry("text-split-fields", 39));

    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node.isTextual()) {
            strings.add(node.asText());
        }
        node.forEach(child -> strings.addAll(strings(child)));
        return strings;
    }

    // --- the multilingual corpora: tuning and held-out splits -------------------------------

    /**
     * Therapy classes of the tuning split the guard misses, pinned (of 24): none since policy 2026.12.6. Until policy
     * 2026.12.5 the dictionary missed 153 records of these writers (euphemism on both sides, a telling far from its
     * harm, a session named by the counselor's name only); the classifier holds them now. It was trained on this
     * split, so this is a floor, not a measure: the held-out split below is the measure.
     */
    private static final Map<String, Integer> TUNING_MISSES = Map.of();
    /** Benign classes of the tuning split the guard falsely holds, pinned (of 24), with why. */
    private static final Map<String, Integer> TUNING_FALSE_HOLDS = Map.ofEntries(
            // "Sessão de terapia da fala desmarcada pela terapeuta": the head's own sentence names no context cue
            Map.entry("tuning-j/pt/physical", 3),
            // a child disclosing facts to the attorney for the asylum claim, on a record the generator gave a medical
            // source: provenance.medical-retelling holds any disclosure retold in a medical record
            Map.entry("tuning-k/en/legal", 2), Map.entry("tuning-k/es/legal", 1), Map.entry("tuning-k/fr/legal", 2),
            Map.entry("tuning-k/pt/legal", 1), Map.entry("tuning-l/en/legal", 1), Map.entry("tuning-l/es/legal", 2),
            // "dentist disclosed two cavities to the CM": the same rule reads any disclosure in a medical record
            Map.entry("tuning-l/en/everyday", 2),
            // "Terapia de lenguaje ...; la niña contó que le gustan las tarjetas" (a telling: an unless cue of the
            // paragraph); a Kreyòl physio note after "fim nan te fè l pè" (afraid). The English notes of these two
            // writers, context two sentences back, are read since 2026.12.19: a paragraph's first lines count
            Map.entry("tuning-m/es/physical", 1),
            Map.entry("tuning-o/ht/physical", 1),
            // "Bilan de physiothérapie : ... Le thérapeute conseille": "conseille" reads as a counselor's verb
            Map.entry("tuning-q/fr/physical", 3),
            // the nineteenth writer: "Wendy said she learned to make tortillas ... and burned her fingers" (a telling
            // and a harm), a Kreyòl physio note
            Map.entry("tuning-s/en/everyday", 4), Map.entry("tuning-s/ht/physical", 1),
            // the twentieth writer: a film night about a desert crossing with a coyote after which "a few said it was
            // too sad" (a telling and a smuggler)
            Map.entry("tuning-t/en/session", 4),
            // the twenty-sixth writer: "dice que ... en el torneo de FIFA de la recreación los mató a todos" (a telling
            // and "los mató"; the game is named five words before, too far for an exclusion of word sequences)
            Map.entry("tuning-x/es/everyday", 3),
            // the thirty-seventh writer: "School counselor: ... Counselor will check in after the first progress report"
            // (the second names the first); a school's "conseillère d'orientation-psychologue" on a record the generator
            // gave a medical source; Kreyòl CSV rows of class sessions beside a sponsor's call log ("seyans" and "li di")
            Map.entry("tuning-ai/fr/legal", 1), Map.entry("tuning-ai/ht/session", 1),
            // the thirty-eighth and thirty-ninth writers, on records with a medical source, where a word of a bad day
            // holds in a sentence that frames it as a finding (a person, a telling): a tropical depression that
            // "passes" while "as crianças ficam no centro" (its second mention), a resident who "said" a salsa contest
            // "gave me PTSD", boys "em depressão" after a football match
            Map.entry("tuning-aj/en/everyday", 1), Map.entry("tuning-aj/pt/everyday", 1), Map.entry("tuning-ak/pt/everyday", 1),
            // the fortieth writer: a county court's session streamed on YouTube and "la grabación de la sesión" beside "un
            // joven comentó"; a fan "em depressão" on a record with a medical source
            Map.entry("tuning-al/es/session", 3),
            Map.entry("tuning-al/pt/everyday", 1),
            // the forty-first writer: a physical-therapy plan whose title says so, then "antes de cada sesión de terapia"
            // two sentences on; a pharmacy aide's joke "a este fax hay que mandarlo al psicólogo"
            Map.entry("tuning-am/es/physical", 3), Map.entry("tuning-am/es/everyday", 3),
            // the forty-third writer, held on purpose: an interpreter booked for the child's appointment with the
            // psychologist ("cita con psicóloga", "biwo sikològ la, 50 min", "consultório da psicóloga") and invoices
            // whose session type is "behavioral health" or "mental health": that a child is in mental-health care
            // is itself what must not cross. Not on purpose: a speech therapist named two sentences after the
            // context, staff hyperbole ("j'ai besoin d'un psy", "vou precisar de terapia", "m bezwen terapi"), a
            // glossary that quotes "the rapist" and "therapist", posters about "counseling" vs "consejería"
            Map.entry("tuning-ao/en/physical", 1), Map.entry("tuning-ao/en/session", 5), Map.entry("tuning-ao/en/everyday", 3),
            Map.entry("tuning-ao/en/routine", 5), Map.entry("tuning-ao/es/physical", 3), Map.entry("tuning-ao/es/everyday", 5),
            Map.entry("tuning-ao/es/routine", 5), Map.entry("tuning-ao/fr/physical", 1), Map.entry("tuning-ao/fr/session", 1),
            Map.entry("tuning-ao/fr/everyday", 3), Map.entry("tuning-ao/fr/routine", 2), Map.entry("tuning-ao/pt/physical", 1),
            Map.entry("tuning-ao/pt/legal", 1), Map.entry("tuning-ao/pt/routine", 2),
            Map.entry("tuning-ao/ht/physical", 1), Map.entry("tuning-ao/ht/everyday", 6), Map.entry("tuning-ao/ht/routine", 3),
            Map.entry("tuning-ao/all/codes", 2),
            // the forty-fourth writer: held on purpose, a child's appointment with the psychologist moved for a consular
            // interview ("la cita de Brenda con la psicóloga se mueve", "randevou psikològ la", "Anile randevou
            // psikològ"); not on purpose, a home agency's psychologist at the hand-over or assessing the aunt's home,
            // Brazil's Conselho Tutelar's "counselor on duty" (named two sentences back), and the psychologist's
            // office booked for a video call on records the generator gave a medical source
            // (provenance.medical-psychiatric reads any psychologist in a medical record); a child named by dotted
            // initials that spell DSM ("NNA: D.S.M., 16 años"): dotted capitals are read glued however short, so that
            // "C.B.T." cannot cross
            Map.entry("tuning-ap/en/physical", 2), Map.entry("tuning-ap/en/session", 1), Map.entry("tuning-ap/en/everyday", 2),
            Map.entry("tuning-ap/en/routine", 4), Map.entry("tuning-ap/es/physical", 2), Map.entry("tuning-ap/es/legal", 2), Map.entry("tuning-ap/es/everyday", 2),
            Map.entry("tuning-ap/es/routine", 5), Map.entry("tuning-ap/fr/routine", 2), Map.entry("tuning-ap/pt/physical", 1),
            Map.entry("tuning-ap/pt/everyday", 1), Map.entry("tuning-ap/ht/legal", 2), Map.entry("tuning-ap/ht/everyday", 1),
            Map.entry("tuning-ap/ht/routine", 6), Map.entry("tuning-ap/all/codes", 3),
            // the forty-fifth writer: a missing child named by dotted initials that spell the French "CMP" (centre
            // médico-psychologique; "Missing UC - C.M.P."), held as "D.S.M." is
            Map.entry("tuning-aq/en/legal", 1), Map.entry("tuning-aq/en/routine", 2),
            Map.entry("tuning-aq/all/codes", 1),
            // the forty-sixth writer: a cook's "sai mais barato que psicólogo" on a record with a medical source
            Map.entry("tuning-ar/pt/everyday", 1),
            // the forty-seventh writer: an OT log whose paragraph begins with a tardy notice ("lunch detention": an
            // unless cue in the paragraph the context reaches back through); the school's router that "entrou em
            // depressão" on a record with a medical source
            Map.entry("tuning-as/en/physical", 1), Map.entry("tuning-as/pt/everyday", 1),
            // the forty-eighth writer: a retiring cook called «la psicóloga del turno»; a Kreyòl manager's 'sesyon'
            // about the schedule ("di m l ap fè yon ti 'sesyon' avè m": a telling beside it)
            Map.entry("tuning-at/es/everyday", 3), Map.entry("tuning-at/ht/everyday", 3),
            // the forty-ninth writer: a cook called 'sikològ kizin nan' and a Kreyòl 'sesyon terapi' with the dirty
            // laundry, both in quotes
            Map.entry("tuning-au/ht/everyday", 6),
            // the fifty-second writer: an electrician's «ce tableau électrique, c'est de la psychiatrie»; a toddler's
            // teddy bear "deprimido" on a record with a medical source (someone who "disse que" is depressed is a finding)
            Map.entry("tuning-ax/fr/everyday", 3), Map.entry("tuning-ax/pt/everyday", 1));

    @Test
    void theTuningSplitIsCaughtExceptItsPinnedMisses() throws Exception {
        EvaluationResult tuning = new Evaluation(policy).run(List.of(CORPORA.resolve(MultilingualCorpus.TUNING_FILE)));
        for (ClassResult c : tuning.classes()) {
            assertEquals(0, c.count(Outcome.REJECTED), c.className() + ": a corpus record does not fit the contract");
            int expected = c.therapy() ? TUNING_MISSES.getOrDefault(c.className(), c.records())
                    : TUNING_FALSE_HOLDS.getOrDefault(c.className(), 0);
            assertEquals(expected, c.hits(), c.className() + (c.therapy() ? " caught" : " falsely held") + ": " + c.failures());
        }
        // The pins above say it exactly; said once more as a floor under the split's totals.
        assertTrue(tuning.therapyRecall().fraction() >= 0.999, tuning.therapyRecall().percent());
        assertTrue(tuning.falseHoldRate().fraction() <= 0.01, tuning.falseHoldRate().percent());
    }

    /**
     * The held-out split (a writer who saw neither the dictionary nor the other templates, never tuned or trained on)
     * is measured: its figures are pinned so that any change to the screen shows what it does to them, and nobody
     * has read its failures to tune on them. The fifty-fifth writer (sexual and reproductive health, LGBTQ+ youth,
     * gender and safety: PREA screening and housing, chosen names, pregnancy and options counseling, contraception,
     * STI and HIV testing, volunteer-run support groups, sponsor vetting, ombudsman complaints; written in four parts
     * by writers who saw neither the dictionary nor the other templates) on its first run, policy 2026.12.26 with the
     * classifier trained on fifty-two writers (threshold 12.5): 884/888 and 19/624. Short of the target (every
     * therapy-derived record held, at most 2 % false holds in every language): that is the measure of text nobody
     * here wrote.
     */
    @Test
    void theHeldOutSplitIsMeasuredAsFirstRun() throws Exception {
        EvaluationResult heldOut = new Evaluation(policy).run(List.of(CORPORA.resolve(MultilingualCorpus.HELD_OUT_FILE)));
        assertTrue(heldOut.classes().stream().allMatch(c -> c.className().startsWith(MultilingualCorpus.HELD_OUT_PREFIX)));
        assertEquals(new Rate(884, 888), heldOut.therapyRecall());
        assertEquals(new Rate(19, 624), heldOut.falseHoldRate());
        Map<String, Integer> caughtByLanguage = Map.of("en", 168, "es", 168, "fr", 168, "pt", 165, "ht", 167);
        caughtByLanguage.forEach((language, caught) -> {
            Rate recall = heldOut.rate(CorpusLine.THERAPY, name -> name.startsWith(MultilingualCorpus.HELD_OUT_PREFIX + language + "/"));
            assertEquals(new Rate(caught, 168), recall, language + " recall");
        });
        assertEquals(24, heldOut.find(CorpusLine.THERAPY, MultilingualCorpus.HELD_OUT_PREFIX + "other/uncovered").orElseThrow().hits(),
                "text in a language without a dictionary is held");
    }

    @Test
    void everyLanguageAndKindIsAClassOfBothSplits() {
        List<String> kinds = new java.util.ArrayList<>(MultilingualCorpus.THERAPY_KINDS);
        kinds.addAll(MultilingualCorpus.BENIGN_KINDS);
        Set<String> tuning = Set.copyOf(MultilingualCorpus.tuningLines().stream().map(CorpusLine::className).toList());
        Set<String> heldOut = Set.copyOf(MultilingualCorpus.heldOutLines().stream().map(CorpusLine::className).toList());
        for (String language : List.of("en", "es", "fr", "pt", "ht")) {
            for (String kind : kinds) {
                assertTrue(tuning.contains(language + "/" + kind), language + "/" + kind);
                assertTrue(heldOut.contains(MultilingualCorpus.HELD_OUT_PREFIX + language + "/" + kind), "held-out " + language + "/" + kind);
            }
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
        JsonNode json = ResultJson.render(result);
        assertEquals(700, json.path("therapy").path("all").path("records").asInt());
        assertEquals(0, json.path("benign").path("classes").get(4).path("falselyHeldLines").size());
    }

    @Test
    void aFailureIsReportedWithItsClassAndLine() throws Exception {
        // A therapy-derived record mislabeled as benign must show up as falsely held, named by class and line.
        CorpusLine therapy = new CorpusGenerator().therapyDerived().stream()
                .filter(line -> line.className().equals(CorpusGenerator.PROVENANCE)).findFirst().orElseThrow();
        EvaluationResult mislabeled = new Evaluation(policy).evaluate(List.of(
                new CorpusLine(CorpusLine.BENIGN, "mislabeled", therapy.record())));
        assertEquals(1, mislabeled.rate(CorpusLine.BENIGN, name -> true).count());
        String table = ResultTable.render(mislabeled);
        assertTrue(table.contains("Falsely held (benign)") && table.contains("mislabeled: 1"), table);
    }

    private static List<String> names(String label) {
        return result.classes(label).stream().map(ClassResult::className).toList();
    }

    private static int hits(String label, String className) {
        return result.find(label, className).orElseThrow(() -> new AssertionError("no class " + className)).hits();
    }
}
