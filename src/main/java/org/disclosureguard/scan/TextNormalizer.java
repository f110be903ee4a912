package org.disclosureguard.scan;

/**
 * The normalization shared by dictionary compilation and scanning: text becomes a stream of the
 * letters a–z, with case, accents, compatibility forms, look-alike letters of other scripts,
 * leetspeak, markup, percent-encoding and HTML entities folded away and everything else skipped.
 *
 * <p>The scanner does not call {@link #normalize}; it runs the same step as {@link #stepAt}
 * (table read, {@link MarkupDecoder} for marked chars) inline and feeds the letters straight into
 * its automaton.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** The normalized letter stream of {@code s}, as a String (for tests/lint only). */
    public static String normalize(CharSequence s) {
        if (s == null) {
            return "";
        }
        String text = s.toString();
        int n = text.length();
        StringBuilder letters = new StringBuilder(n);
        for (int i = 0; i < n; ) {
            long step = stepAt(text, i, n);
            LetterPacket.appendTo(letters, packet(step));
            i += width(step);
        }
        return letters.toString();
    }

    /**
     * The letters produced by the source chars starting at {@code i}, and how many chars they
     * span, as {@code (width << 32) | packet}. The common case is a single table read.
     */
    static long stepAt(String text, int i, int n) {
        int entry = FoldTable.bmp(text.charAt(i));
        if (entry >= 0) {
            return (1L << 32) | entry;
        }
        return MarkupDecoder.decode(text, i, n, entry);
    }

    static int packet(long step) {
        return (int) step;
    }

    static int width(long step) {
        return (int) (step >>> 32);
    }
}
