package org.disclosureguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReviewShowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nestedAndOverlappingMatchesAreMarkedOnce() throws Exception {
        String text = "After the counseling session she said more.";
        // "counseling" (10-20) inside "counseling session" (10-28), and an overlapping "session she" (21-32).
        String marked = ReviewCommand.Show.highlighted(text, JSON.readTree("[[10,20],[10,28],[21,32]]"));
        assertEquals("After the [[counseling session she]] said more.", marked);
    }

    @Test
    void separateMatchesKeepTheirOwnMarkersAndSpansOutsideTheTextAreIgnored() throws Exception {
        String text = "therapy notes and therapy plan";
        assertEquals("[[therapy]] notes and [[therapy]] plan",
                ReviewCommand.Show.highlighted(text, JSON.readTree("[[18,25],[0,7],[5,3],[20,999]]")));
    }
}
