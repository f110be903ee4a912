package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * The normalization shared by dictionary compilation and scanning, as a String: text becomes words of the letters
 * a–z (case, accents, compatibility forms, look-alike letters of every script, leetspeak, markup, escapes and
 * entities folded away), separated by single spaces.
 *
 * <p>The scanner does not call this; it runs the same fold ({@link FoldTable} and {@link MarkupDecoder}) inline
 * and feeds the letters straight into its automaton. This is for dictionary entries, lint and tests.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** The words of {@code s}, folded and joined by single spaces. */
    public static String normalize(CharSequence s) {
        return String.join(" ", words(s));
    }

    /** The folded words of {@code s}. */
    public static List<String> words(CharSequence s) {
        List<String> words = new ArrayList<>();
        if (s == null) {
            return words;
        }
        String text = s.toString();
        int n = text.length();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < n; ) {
            long step = MarkupDecoder.stepAt(text, i, n);
            int result = MarkupDecoder.result(step);
            if (result > 0) {
                LetterPacket.appendTo(word, result);
            } else if (result == FoldTable.SPACE || result == FoldTable.PUNCT) {
                flush(word, words);
            }
            i += MarkupDecoder.width(step);
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
