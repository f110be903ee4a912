package org.disclosureguard.review.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the console's pages show, as plain values: the templates (src/main/jte/review) lay them out and escape every
 * one of them for where it stands, so no page is assembled from strings of HTML.
 */
public final class ConsoleViews {
    private ConsoleViews() {}

    /** The frame of every page: its title and the signed-in reviewer (all null before sign-in). */
    public record Chrome(String title, String user, String role, String csrf, boolean records, boolean history) {
        static Chrome signedOut(String title) {
            return new Chrome(title, null, null, null, false, false);
        }
    }

    /**
     * A notice: an outcome, a refusal and its reasons, a partial answer, a claim.
     *
     * @param id   the element's id (tests and assistive technology find it by it), or null
     * @param kind a style: "", "success", "error", "ok"
     * @param role "status" or "alert"
     */
    public record Notice(String id, String kind, String role, String message, List<String> reasons) {
        public Notice {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        /** A decision's outcome, as the record's page shows it after the decision. */
        static Notice outcome(String kind, String message, List<String> reasons) {
            return new Notice("outcome", kind, "status", message, reasons);
        }
    }

    /** A moment as the console shows it (UTC, to the second) and as a machine reads it. */
    public record Time(String iso, String text) {
        static Time of(long epochMillis) {
            Instant at = Instant.ofEpochMilli(epochMillis);
            return new Time(at.toString(), at.toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z"));
        }
    }

    /** A choice of a select (or a kept hidden field: name and value). */
    public record Option(String value, String label) {}

    /** A page that says one thing. */
    public record Message(Notice notice, String text, String linkHref, String linkText) {
        static Message text(String text) {
            return new Message(null, text, null, null);
        }
    }

    public record Login(String csrf, Notice notice) {}

    /** The queue: the filters as asked, one page of rows, the pager and the bulk form (null when not offered). */
    public record Queue(Notice partial, String search, String facility, String rule, String decision, String minAge, String state,
                        String sort, List<String> facilities, List<String> rules, List<Option> decisions, List<Option> states,
                        List<Option> sorts, String countLine, List<Row> rows, Pager pager, Bulk bulk) {}

    public record Row(String id, String url, String state, String claimedBy, String disposition, String caseId, String facility,
                      String eventType, String rules, Time heldAt, String age) {}

    /** Previous and next (null at the ends), page of pages. */
    public record Pager(String previous, int page, int pages, String next) {}

    /** Confirming every pending record the filter matches: the filter's fields kept, and the count shown. */
    public record Bulk(List<Option> kept, int total) {}

    public record History(Notice partial, Map<String, Long> counts, List<HistoryRow> events) {}

    public record HistoryRow(Time at, String record, String type, String reviewer, String justification, String removed, String cuts,
                             String reasons, String policy) {}

    /** A record's page; {@code decide} is null for a reviewer who may not decide. */
    public record RecordPage(Notice notice, Notice claim, String state, String disposition, String caseId, String facility,
                             String eventType, Time heldAt, String age, List<Reason> reasons, boolean revealed, String revealUrl,
                             List<FieldShown> fields, Decide decide, List<HistoryRow> history) {}

    /** @param span "start–end" in the field, or null */
    public record Reason(String ruleId, String kind, String fieldPath, String span, String explanation, String legalBasis) {}

    /** A field of the record: its text in segments (matched ones marked), its length and number of matches. */
    public record FieldShown(String path, List<Segment> segments, int length, int matches) {}

    public record Segment(String text, boolean marked) {}

    /**
     * The decisions open on a record now. {@code pending}: a release awaiting a second reviewer; {@code unopenable}:
     * the content cannot be opened here (so only a confirmation can succeed); the typed values come back after a refusal.
     */
    public record Decide(boolean decided, String action, PendingRelease pending, boolean unopenable, List<String> removable,
                         List<String> cuts, String confirmTyped, String releaseTyped, String falsePositiveTyped, String approveTyped) {}

    /** @param kind "redacted" or "unchanged, as a false positive" */
    public record PendingRelease(String kind, String requestedBy, String digest, List<Preview> preview) {}

    /** A field a pending release changes, as it would be forwarded (null text: removed). */
    public record Preview(String path, String text) {}

    /**
     * The text cut into segments, each span {@code [start, end)} marked; spans are clamped to the text, overlapping
     * ones merged, empty ones ignored.
     */
    static List<Segment> segments(String text, List<int[]> spans) {
        if (text == null) {
            return List.of();
        }
        List<int[]> sorted = new ArrayList<>();
        for (int[] span : spans == null ? List.<int[]>of() : spans) {
            int start = Math.max(0, Math.min(span[0], text.length()));
            int end = Math.max(0, Math.min(span[1], text.length()));
            if (end > start) {
                sorted.add(new int[] {start, end});
            }
        }
        sorted.sort(Comparator.comparingInt(s -> s[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] span : sorted) {
            if (!merged.isEmpty() && span[0] <= merged.get(merged.size() - 1)[1]) {
                merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], span[1]);
            } else {
                merged.add(span);
            }
        }
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (int[] span : merged) {
            if (span[0] > at) {
                out.add(new Segment(text.substring(at, span[0]), false));
            }
            out.add(new Segment(text.substring(span[0], span[1]), true));
            at = span[1];
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), false));
        }
        return out;
    }
}
