package org.disclosureguard.review.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.disclosureguard.review.ReviewModel.Cut;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEverythingThatMatters() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;", Html.escape("<script>alert(\"x\")</script> & 'y'"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void marksSpansAndEscapesAroundThem() {
        String text = "a <b> said therapist & more";
        int from = text.indexOf("therapist");
        assertEquals("a &lt;b&gt; said <mark>therapist</mark> &amp; more",
                Html.highlight(text, List.of(new int[] {from, from + "therapist".length()})));
    }

    @Test
    void mergesOverlapsAndClampsSpans() {
        assertEquals("<mark>abcd</mark>ef", Html.highlight("abcdef", List.of(new int[] {2, 4}, new int[] {0, 3})));
        assertEquals("abc<mark>def</mark>", Html.highlight("abcdef", List.of(new int[] {3, 99})));
        assertEquals("abcdef", Html.highlight("abcdef", List.of(new int[] {4, 4}, new int[] {50, 60})));
        assertTrue(Html.highlight("<x>", List.of(new int[] {0, 3})).equals("<mark>&lt;x&gt;</mark>"));
    }

    @Test
    void cutsAreFieldStartEnd() {
        assertEquals(new Cut("caseNotes", 20, 37), ReviewConsole.parseCut(" caseNotes 20 37 ").orElseThrow());
        assertEquals(new Cut("caseNotes", 20, 37), ReviewConsole.parseCut("caseNotes:20:37").orElseThrow());
        assertTrue(ReviewConsole.parseCut("caseNotes 37 20").isEmpty());
        assertTrue(ReviewConsole.parseCut("caseNotes -1 20").isEmpty());
        assertTrue(ReviewConsole.parseCut("caseNotes 1").isEmpty());
        assertTrue(ReviewConsole.parseCut("caseNotes a b").isEmpty());
    }

    @Test
    void formsKeepRepeatedValues() {
        Form form = Form.parse("csrf=abc&remove=a&remove=b&justification=two+words%21&empty=");
        assertEquals("abc", form.get("csrf"));
        assertEquals(List.of("a", "b"), form.all("remove"));
        assertEquals("two words!", form.get("justification"));
        assertEquals(null, form.nonBlank("empty"));
        assertEquals(List.of(), form.all("cut"));
    }
}
