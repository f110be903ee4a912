package org.disclosureguard.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.disclosureguard.review.ReviewService.Summary;
import org.junit.jupiter.api.Test;

class TriageQueryTest {
    private static Summary held(int n, String facility, String caseId, String rule, long heldAt) {
        return new Summary("in-0-" + n, "HOLD", "PENDING", caseId, facility, "CASE_NOTE", List.of(rule), heldAt, 100_000 - heldAt, "evt-" + n + "-x");
    }

    private static final List<Summary> QUEUE = List.of(
            held(1, "FAC-TX-014", "case-7456", "content.therapy-reference", 30),
            held(2, "FAC-AZ-002", "case-1001", "provenance.counseling-source", 10),
            held(3, "FAC-TX-027", "CASE-7457", "content.reads-like-therapy", 20));

    private static TriageQuery query(String facility, String rule, String search, TriageQuery.Sort sort, int offset, int limit) {
        return new TriageQuery(null, facility, rule, null, 0, search, sort, offset, limit);
    }

    private static List<String> ids(TriageQuery.Page page) {
        return page.records().stream().map(Summary::quarantineId).toList();
    }

    @Test
    void filtersIgnoreCaseAndMatchAPart() {
        assertEquals(List.of("in-0-3", "in-0-1"), ids(query("fac-tx", null, null, null, 0, 50).apply(QUEUE)));
        assertEquals(List.of("in-0-3", "in-0-1"), ids(query(null, "THERAPY", null, null, 0, 50).apply(QUEUE)));
        assertEquals(List.of("in-0-3", "in-0-1"), ids(query(null, null, "case-745", null, 0, 50).apply(QUEUE)), "case ids in any case");
        assertEquals(List.of("in-0-2"), ids(query(null, null, "IN-0-2", null, 0, 50).apply(QUEUE)), "by record id");
        assertEquals(List.of("in-0-3"), ids(query(null, null, "EVT-3", null, 0, 50).apply(QUEUE)), "by event id");
        assertEquals(List.of(), ids(query(null, null, "nothing", null, 0, 50).apply(QUEUE)));
    }

    @Test
    void aChildsHoldsAreFoundByTheChildId() {
        Summary first = new Summary("in-0-7", "HOLD", "PENDING", "case-2001", "FAC-TX-014", "CASE_NOTE",
                List.of("content.therapy-reference"), 10, 90, "evt-7", null, 0, "child-4410");
        Summary second = new Summary("in-0-8", "HOLD", "PENDING", "case-2002", "FAC-AZ-002", "MEDICAL_VISIT",
                List.of("provenance.medical-psychiatric"), 20, 80, "evt-8", null, 0, "child-4410");
        Summary other = new Summary("in-0-9", "HOLD", "PENDING", "case-2003", "FAC-AZ-002", "CASE_NOTE",
                List.of("content.therapy-reference"), 30, 70, "evt-9", null, 0, "child-5120");
        List<Summary> queue = List.of(other, second, first);
        assertEquals(List.of("in-0-7", "in-0-8"), ids(query(null, null, "CHILD-4410", null, 0, 50).apply(queue)),
                "every case of one child, in any case");
        assertEquals(List.of("in-0-9"), ids(query(null, null, "5120", null, 0, 50).apply(queue)));
        assertEquals(List.of(), ids(query(null, null, "child-9", null, 0, 50).apply(QUEUE)), "a record of an older guard has no child id");
    }

    /** The filters' pick-lists: every facility and rule of the records in the asked state, whatever the other filters. */
    @Test
    void pickListsOfferTheValuesInTheQueue() {
        TriageQuery.Page page = query("az", null, null, null, 0, 50).apply(QUEUE);
        assertEquals(List.of("in-0-2"), ids(page));
        assertEquals(List.of("FAC-AZ-002", "FAC-TX-014", "FAC-TX-027"), page.facilities());
        assertEquals(List.of("content.reads-like-therapy", "content.therapy-reference", "provenance.counseling-source"), page.rules());
        TriageQuery decided = new TriageQuery("CONFIRMED_HOLD", null, null, null, 0, null, null, 0, 50);
        assertEquals(List.of(), decided.apply(QUEUE).facilities(), "none of the queue is in that state");
    }

    @Test
    void sortsAndPagesWithTheTotal() {
        assertEquals(List.of("in-0-2", "in-0-3", "in-0-1"), ids(query(null, null, null, TriageQuery.Sort.OLDEST, 0, 50).apply(QUEUE)));
        assertEquals(List.of("in-0-1", "in-0-3", "in-0-2"), ids(query(null, null, null, TriageQuery.Sort.NEWEST, 0, 50).apply(QUEUE)));
        assertEquals(List.of("in-0-2", "in-0-1", "in-0-3"), ids(query(null, null, null, TriageQuery.Sort.FACILITY, 0, 50).apply(QUEUE)));
        assertEquals(List.of("in-0-2", "in-0-1", "in-0-3"), ids(query(null, null, null, TriageQuery.Sort.CASE, 0, 50).apply(QUEUE)));
        TriageQuery.Page first = query(null, null, null, TriageQuery.Sort.OLDEST, 0, 2).apply(QUEUE);
        assertEquals(List.of("in-0-2", "in-0-3"), ids(first));
        assertEquals(3, first.total());
        assertTrue(first.hasNext());
        TriageQuery.Page second = query(null, null, null, TriageQuery.Sort.OLDEST, 2, 2).apply(QUEUE);
        assertEquals(List.of("in-0-1"), ids(second));
        assertFalse(second.hasNext());
        assertEquals(List.of(), ids(query(null, null, null, null, 10, 2).apply(QUEUE)), "past the end: an empty page");
    }

    @Test
    void aLargeQueueIsAnsweredOnePageAtATime() {
        List<Summary> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(held(i, "FAC-" + (i % 7), "case-" + i, "rule-" + (i % 3), i));
        }
        TriageQuery.Page page = query(null, null, null, TriageQuery.Sort.NEWEST, 50, 50).apply(many);
        assertEquals(10_000, page.total());
        assertEquals(50, page.records().size());
        assertEquals("in-0-9949", page.records().get(0).quarantineId());
    }

    @Test
    void badPagesAndSortsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> query(null, null, null, null, -1, 50));
        assertThrows(IllegalArgumentException.class, () -> query(null, null, null, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> query(null, null, null, null, 0, TriageQuery.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> TriageQuery.Sort.parse("sideways"));
        assertEquals(TriageQuery.Sort.NEWEST, TriageQuery.Sort.parse(" Newest "));
        assertEquals(TriageQuery.Sort.OLDEST, TriageQuery.Sort.parse(null));
    }
}
