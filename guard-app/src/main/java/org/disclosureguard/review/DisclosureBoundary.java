package org.disclosureguard.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.review.ReasonKind;
import org.disclosureguard.policy.Action;
import org.disclosureguard.policy.FieldCheck;
import org.disclosureguard.policy.FieldPlan;
import org.disclosureguard.review.ReviewModel.Command;
import org.disclosureguard.review.ReviewModel.Cut;
import org.disclosureguard.screen.Finding;

/**
 * What a redacted release must remove so that nothing derived from a content hit survives. Cutting the matched words
 * leaves what they introduced ("During his weekly, the youth told his that he sold drugs"): the text after a
 * therapy reference is what was retold. So a release removes, at least, from the start of the sentence that holds
 * each hit to the end of its field; where a hit has no place in a field (the classifier read the whole record, a
 * term split across fields, a language the guard cannot read) the whole field, or every scanned field, goes. A
 * reviewer may cut more, never less.
 */
public final class DisclosureBoundary {
    private DisclosureBoundary() {}

    /**
     * Per field path, the offset from which its text must be gone (0: all of it), from a screen's content findings.
     *
     * @param scanned the free-text fields the screen scans (a hit placed in no field requires all of them)
     */
    public static Map<String, Integer> required(GenericRecord original, List<Finding> findings, List<String> scanned) {
        Map<String, Integer> required = new TreeMap<>();
        for (Finding finding : findings) {
            if (finding.kind() != ReasonKind.CONTENT_SCAN) {
                continue;
            }
            String path = finding.fieldPath();
            if (path == null) {
                scanned.forEach(p -> require(required, p, 0));
            } else if (path.contains("+")) {
                for (String part : path.split("\\+")) {
                    require(required, part, 0);
                }
            } else if (finding.spanStart() == null) {
                require(required, path, 0);
            } else {
                CharSequence text = textAt(original, path);
                require(required, path, text == null ? 0 : sentenceStart(text, finding.spanStart()));
            }
        }
        required.keySet().removeIf(path -> isEmptyAt(original, path));
        return required;
    }

    /** The free-text fields a policy scans (those a hit placed in no field requires). */
    public static List<String> scannedFields(FieldPlan plan) {
        return plan.checks().stream().filter(c -> c.action() == Action.SCAN).map(FieldCheck::path).toList();
    }

    /** The default cuts: one per field, from its boundary to its end, for each field that can be cut (a string). */
    public static List<Cut> defaultCuts(GenericRecord original, Map<String, Integer> required) {
        List<Cut> cuts = new ArrayList<>();
        required.forEach((path, from) -> {
            CharSequence text = textAt(original, path);
            if (text != null && from < text.length()) {
                cuts.add(new Cut(path, from, text.length()));
            }
        });
        return cuts;
    }

    /**
     * Why a release command does not remove what it must, or null when it does: each required range is gone, cut
     * (by one or more cuts) or its field (or a field holding it) removed.
     */
    public static String uncovered(GenericRecord original, Command command, Map<String, Integer> required) {
        List<String> missing = new ArrayList<>();
        required.forEach((path, from) -> {
            if (removed(path, command.removeFields())) {
                return;
            }
            CharSequence text = textAt(original, path);
            if (text == null) {
                missing.add(path + " (remove the field)");
            } else if (!covered(command.cuts(), path, from, text.length())) {
                missing.add(path + " from character " + from + " to its end (" + text.length() + ")");
            }
        });
        if (missing.isEmpty()) {
            return null;
        }
        return "a redacted release removes the sentence of each hit and all that follows it in its field, or the field: "
                + String.join("; ", missing);
    }

    /**
     * Where the sentence holding {@code at} begins: after the last full stop, question or exclamation mark followed
     * by a space, or the last line break, before it (a colon or semicolon does not end a sentence).
     */
    static int sentenceStart(CharSequence text, int at) {
        int end = Math.min(Math.max(at, 0), text.length());
        for (int i = end - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return skipSpace(text, i + 1, end);
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < end && Character.isWhitespace(text.charAt(i + 1))) {
                return skipSpace(text, i + 1, end);
            }
        }
        return 0;
    }

    private static int skipSpace(CharSequence text, int from, int limit) {
        int i = from;
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void require(Map<String, Integer> required, String path, int from) {
        required.merge(path, from, Math::min);
    }

    private static boolean removed(String path, List<String> removeFields) {
        for (String field : removeFields) {
            if (path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the cuts on {@code path} together cover [from, length). */
    private static boolean covered(List<Cut> cuts, String path, int from, int length) {
        List<Cut> own = cuts.stream().filter(c -> c.field().equals(path)).sorted((a, b) -> Integer.compare(a.start(), b.start())).toList();
        int reached = from;
        for (Cut cut : own) {
            if (cut.start() > reached) {
                break;
            }
            reached = Math.max(reached, cut.end());
        }
        return reached >= length;
    }

    /** The text of a string field at a dotted path, or null (not a plain string field). */
    private static CharSequence textAt(GenericRecord record, String path) {
        Object value = valueAt(record, path);
        return value instanceof CharSequence text ? text : null;
    }

    private static boolean isEmptyAt(GenericRecord record, String path) {
        if (path.contains("[")) {
            return false;
        }
        Object value = valueAt(record, path);
        return value == null || value instanceof CharSequence text && text.length() == 0;
    }

    /** The value at a dotted path of nested records ("incident.summary"), or null (no such field, or a null on the way). */
    static Object valueAt(GenericRecord record, String path) {
        String[] parts = path.split("\\.");
        Object current = record;
        for (String part : parts) {
            if (!(current instanceof GenericRecord parent)) {
                return null;
            }
            Schema.Field field = parent.getSchema().getField(part);
            if (field == null) {
                return null;
            }
            current = parent.get(field.pos());
        }
        return current;
    }
}
