package org.disclosureguard.review.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import org.disclosureguard.review.ReviewModel.Cut;
import org.junit.jupiter.api.Test;

/** What the pages are made of: marked segments of a field, cuts and forms as typed. Escaping is the templates' (jte). */
class ConsoleViewsTest {
    private static List<ConsoleViews.Segment> seg(Object... parts) {
        List<ConsoleViews.Segment> out = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            out.add(new ConsoleViews.Segment((String) parts[i], (Boolean) parts[i + 1]));
        }
        return out;
    }

    @Test
    void marksSpansAndLeavesTheRestAsItIs() {
        String text = "a <b> said therapist & more";
        int from = text.indexOf("therapist");
        assertEquals(seg("a <b> said ", false, "therapist", true, " & more", false),
                ConsoleViews.segments(text, List.of(new int[] {from, from + "therapist".length()})));
    }

    @Test
    void mergesOverlapsAndClampsSpans() {
        assertEquals(seg("abcd", true, "ef", false), ConsoleViews.segments("abcdef", List.of(new int[] {2, 4}, new int[] {0, 3})));
        assertEquals(seg("abc", false, "def", true), ConsoleViews.segments("abcdef", List.of(new int[] {3, 99})));
        assertEquals(seg("abcdef", false), ConsoleViews.segments("abcdef", List.of(new int[] {4, 4}, new int[] {50, 60})));
        assertEquals(List.of(), ConsoleViews.segments(null, List.of()));
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

    /** Data is text wherever the templates put it: a hostile case id, facility or reviewer name cannot become markup. */
    @Test
    void everyValueIsEscapedWhereItStands() {
        String hostile = "\"><script>alert(1)</script><a href='x";
        ConsoleViews.Queue queue = new ConsoleViews.Queue(null, hostile, hostile, null, "", null, "PENDING", "oldest", List.of(hostile),
                List.of(), List.of(new ConsoleViews.Option("", "Any")), List.of(new ConsoleViews.Option("PENDING", "PENDING")),
                List.of(new ConsoleViews.Option("oldest", "oldest first")), "Records 1–1 of 1, oldest first.",
                List.of(new ConsoleViews.Row("in-0-1", "/review/records/in-0-1", "PENDING", hostile, "HOLD", hostile, hostile, "CASE_NOTE",
                        hostile, ConsoleViews.Time.of(0), "1 s")), null, null);
        StringOutput page = new StringOutput();
        TemplateEngine.createPrecompiled(ContentType.Html).render("review/records.jte", Map.of("chrome",
                new ConsoleViews.Chrome("Held records", hostile, "reviewer", "token", true, false), "view", queue), page);
        String html = page.toString();
        assertFalse(html.contains("<script") || html.contains("<a href='x"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("value=\"&#34;"), "an attribute value cannot be closed: " + html);
    }
}
