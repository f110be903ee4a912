package org.disclosureguard.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classifier holds what no dictionary entry names but reads like a retold session, only when nothing else held
 * the record, with a reason that names its score and heaviest words to the reviewer. The notes here were written for
 * this test, not taken from the corpora the model was trained on.
 */
class ClassifierHoldTest {
    private static final Screener SCREENER = new Screener(Policy.bundled());
    private static final String RULE = "content.reads-like-therapy";

    /** A confidence told in an interview, then a page of an ordinary evening: the padding does not dilute it. */
    private static final String PADDED_CONFIDENCE = "Pendant l'entretien avec Mme Diallo, elle a confié que son oncle la "
            + "faisait travailler la nuit sans la payer et qu'elle avait peur de lui. Ensuite elle a joué au football avec "
            + "les autres. Le match était serré. Elle a marqué un but. Au dîner elle a mangé du riz et des haricots. Elle a "
            + "regardé un film avec le groupe. Extinction des feux à 21 h 30, nuit calme.";

    private static GenericRecord record(String notes) throws Exception {
        CaseRecordEvent event = TestEvents.benign().setCaseNotes(notes).build();
        return new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.CASE_RECORD_EVENT).decode(GuardDriver.encode(event));
    }

    @Test
    void aConfidenceInWordsNoEntryListsIsHeldWithItsScoreForTheReviewer() throws Exception {
        assertTrue(Policy.bundled().scanner().scan(PADDED_CONFIDENCE).isEmpty(), "no dictionary entry matches this note");
        ScreeningResult result = SCREENER.screen(record(PADDED_CONFIDENCE), 0L);
        assertEquals(Decision.HOLD, result.decision());
        assertEquals(1, result.findings().size(), result.findings().toString());
        Finding finding = result.findings().get(0);
        assertEquals(RULE, finding.ruleId());
        assertFalse(finding.explanation().isBlank());
        assertTrue(finding.legalBasis().contains("HIPAA"), finding.legalBasis());
        assertTrue(finding.detail().matches("score \\d+\\.\\d, threshold \\d+\\.\\d"), finding.detail());
        assertEquals(null, finding.matchedTerm(), "no term matched, and no word of the text goes into the unsealed reason");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Youth played soccer in the yard after lunch and asked staff for extra rice at dinner.",
            "Staff reminded the group about lights out at 21:30; all youth complied and the cottage was quiet overnight.",
            "El menor participó en la clase de inglés y pidió prestado un libro de la biblioteca para leer en la noche.",
            "Visite chez le dentiste : deux caries soignées, rendez-vous de contrôle dans six mois.",
            "A menina ajudou a organizar a biblioteca e pediu para ligar para a tia no domingo.",
            "Timoun nan te jwe foutbòl apre lekòl epi li manje byen aswè a.",
            "Court hearing moved to 12/14; attorney will file the motion to change venue. Youth asked about the date. "
                    + "Staff explained the schedule. He went to math class after. Dinner was tacos. Quiet night."})
    void routineNotesCross(String notes) throws Exception {
        ScreeningResult result = SCREENER.screen(record(notes), 0L);
        assertEquals(Decision.FORWARD, result.decision(), result.findings().toString());
    }

    @Test
    void theClassifierReadsEncodedRunsDecodedNotAsDebris() throws Exception {
        String decoded = "He played soccer with his friends after lunch and then helped in the kitchen.";
        String run = Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
        List<CharSequence> prose = SCREENER.prose(record("Youth went to school today. " + run));
        assertEquals(2, prose.size(), prose.toString());
        assertEquals("Youth went to school today. " + " ".repeat(run.length()), prose.get(0).toString());
        assertEquals(decoded, prose.get(1).toString());
    }

    @Test
    void theClassifierSpeaksOnlyWhenNothingElseHeld() throws Exception {
        ScreeningResult termHeld = SCREENER.screen(record("In his therapy session the boy said he misses home."), 0L);
        assertEquals(Decision.HOLD, termHeld.decision());
        assertTrue(termHeld.ruleIds().contains("content.therapy-reference"), termHeld.ruleIds().toString());
        assertFalse(termHeld.ruleIds().contains(RULE), "a record a term holds needs no score");
        // A reviewer's "false positive" re-screens the structure only: the classifier, a content check, does not run.
        assertEquals(Decision.FORWARD, SCREENER.screenStructure(record(PADDED_CONFIDENCE), 0L).decision());
    }
}
