package org.disclosureguard.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.review.ReasonKind;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.review.ReviewModel.Action;
import org.disclosureguard.review.ReviewModel.Command;
import org.disclosureguard.review.ReviewModel.Cut;
import org.disclosureguard.screen.Finding;
import org.junit.jupiter.api.Test;

/** What a redacted release must remove: each hit's sentence and all that follows it in its field, or the field. */
class DisclosureBoundaryTest {
    private static final String NOTES = "Moved to cottage 3. Per the therapist, he sold drugs for the gang. He ate well.";

    private static Finding hit(String path, int start, int end) {
        return new Finding("content.therapy-reference", ReasonKind.CONTENT_SCAN, path, "therapist", start, end, "x", "y", null);
    }

    private static Command release(List<String> remove, List<Cut> cuts) {
        return new Command("c", "q", Action.RELEASE_REDACTED, "rita", "why", remove, cuts, 0);
    }

    @Test
    void aSentenceBeginsAfterAFullStopAndASpaceOrALineBreak() {
        assertEquals(20, DisclosureBoundary.sentenceStart(NOTES, NOTES.indexOf("therapist")));
        assertEquals(0, DisclosureBoundary.sentenceStart("Per the therapist, x", 8));
        assertEquals(7, DisclosureBoundary.sentenceStart("Notes:\nPer the therapist", 14));
        assertEquals(0, DisclosureBoundary.sentenceStart("Seen at 3.5 hours: the therapist", 22), "a decimal point ends no sentence");
        assertEquals(10, DisclosureBoundary.sentenceStart("Is it ok? Per the therapist", 18));
    }

    @Test
    void theLeastCutIsFromTheHitsSentenceToTheEndOfItsFieldOncePerField() {
        CaseRecordEvent event = TestEvents.benign().setCaseNotes(NOTES).build();
        int at = NOTES.indexOf("therapist");
        Map<String, Integer> required = DisclosureBoundary.required(event,
                List.of(hit("caseNotes", at, at + 9), hit("caseNotes", NOTES.indexOf("gang"), NOTES.indexOf("gang") + 4)), List.of());
        assertEquals(Map.of("caseNotes", 20), required);
        assertEquals(List.of(new Cut("caseNotes", 20, NOTES.length())), DisclosureBoundary.defaultCuts(event, required));
    }

    @Test
    void aHitInNoFieldRequiresEveryScannedFieldAndASplitTermBothOfItsFields() {
        CaseRecordEvent event = TestEvents.benign().setCaseNotes(NOTES).build();
        Finding classifier = new Finding("content.reads-like-therapy", ReasonKind.CONTENT_SCAN, null, null, null, null, "x", "y", null);
        assertEquals(Map.of("caseNotes", 0), DisclosureBoundary.required(event, List.of(classifier), List.of("caseNotes", "incident.summary")),
                "an empty scanned field needs no cut");
        Finding split = new Finding("content.therapy-reference", ReasonKind.CONTENT_SCAN, "caseNotes+incident.summary", "therapist",
                null, null, "x", "y", null);
        assertEquals(Map.of("caseNotes", 0), DisclosureBoundary.required(event, List.of(split), List.of()));
        Finding rule = Finding.of("provenance.counseling-source", ReasonKind.RECORD_RULE, null, "x", "y");
        assertEquals(Map.of(), DisclosureBoundary.required(event, List.of(rule), List.of("caseNotes")), "a rule places no text");
    }

    @Test
    void aReleaseCoversTheRequiredRangeByCutsTogetherOrByRemovingTheField() {
        CaseRecordEvent event = TestEvents.benign().setCaseNotes(NOTES).build();
        Map<String, Integer> required = Map.of("caseNotes", 20);
        int length = NOTES.length();
        assertNull(DisclosureBoundary.uncovered(event, release(List.of(), List.of(new Cut("caseNotes", 20, length))), required));
        assertNull(DisclosureBoundary.uncovered(event, release(List.of(), List.of(new Cut("caseNotes", 0, length))), required), "more is fine");
        assertNull(DisclosureBoundary.uncovered(event, release(List.of(), List.of(new Cut("caseNotes", 40, length),
                new Cut("caseNotes", 10, 45))), required), "overlapping or adjoining cuts add up");
        assertNull(DisclosureBoundary.uncovered(event, release(List.of("caseNotes"), List.of()), required));
        String words = DisclosureBoundary.uncovered(event, release(List.of(), List.of(new Cut("caseNotes", 28, 37))), required);
        assertTrue(words.contains("caseNotes from character 20 to its end (" + length + ")"), words);
        String gap = DisclosureBoundary.uncovered(event, release(List.of(), List.of(new Cut("caseNotes", 20, 30),
                new Cut("caseNotes", 31, length))), required);
        assertTrue(gap != null, "a single character left between two cuts is not covered");
        String notTheEnd = DisclosureBoundary.uncovered(event, release(List.of(), List.of(new Cut("caseNotes", 20, length - 1))), required);
        assertTrue(notTheEnd != null, "the last character follows the hit too");
    }
}
