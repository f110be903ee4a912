package org.disclosureguard.review.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** HTML escaping and the highlighting of matched spans; everything from the data goes through {@link #escape}. */
public final class Html {
    private Html() {}

    /** The text with {@code & < > " '} escaped: safe in element content and in quoted attribute values. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text escaped, with each span {@code [start, end)} wrapped in {@code <mark>}; spans are clamped to the text,
     * overlapping ones merged, empty ones ignored.
     */
    public static String highlight(String text, List<int[]> spans) {
        if (text == null) {
            return "";
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
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] span : merged) {
            out.append(escape(text.substring(at, span[0]))).append("<mark>").append(escape(text.substring(span[0], span[1])))
                    .append("</mark>");
            at = span[1];
        }
        return out.append(escape(text.substring(at))).toString();
    }
}
