package org.disclosureguard.review.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The console's optional whole numbers (page, limit, minimum age): absent, read, or a 400 with the field's problem. */
class FormTest {

    @Test
    void aWholeNumberIsReadOrItsAbsenceGivesTheDefault() {
        Form form = Form.parse("page=3&blank=%20&neg=-2");
        assertEquals(3, form.wholeNumber("page", 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "bad"));
        assertEquals(1, form.wholeNumber("missing", 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "bad"));
        assertEquals(1, form.wholeNumber("blank", 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "bad"));
        assertEquals(-2, form.wholeNumber("neg", 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "bad"));
    }

    @Test
    void textAndNumbersOutsideTheTypesRangeAreTheFieldsProblem() {
        Form form = Form.parse("page=two&big=3000000000&small=-3000000000&huge=99999999999999999999");
        for (String field : new String[] {"page", "big", "small"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> form.wholeNumber(field, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "the page is a whole number"));
            assertEquals("the page is a whole number", e.getMessage(), field);
        }
        assertEquals(3_000_000_000L, form.wholeNumber("big", 0, Long.MIN_VALUE, Long.MAX_VALUE, "bad"));
        assertThrows(IllegalArgumentException.class, () -> form.wholeNumber("huge", 0, Long.MIN_VALUE, Long.MAX_VALUE, "bad"));
    }
}
