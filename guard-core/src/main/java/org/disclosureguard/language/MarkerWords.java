package org.disclosureguard.language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Words for the marker profile: letters lower-cased with their accents removed, anything else a separator. Unlike
 * the scanner's fold it keeps every letter distinct (the scanner reads 'l' as 'i' for leetspeak, which would make
 * French "il" and Creole "li" one word), and it reads no escapes or look-alikes: it tells languages apart, it does
 * not look for hidden words. Apostrophes split words ("l'enfant" is "l" and "enfant").
 */
final class MarkerWords {

    /** Per BMP char: its base letter in lower case, or 0 for a separator; (char) 1 for a combining mark (skipped). */
    private static final char[] FOLD = new char[0x10000];
    static final char MARK = 1;

    static {
        for (int c = 0; c < FOLD.length; c++) {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                FOLD[c] = MARK;
            } else if (Character.isLetter(c)) {
                String base = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
                FOLD[c] = Character.toLowerCase(base.charAt(0));
            }
        }
    }

    private MarkerWords() {
    }

    /** The char's base letter in lower case, 0 for a separator, {@link #MARK} for a combining mark. */
    static char fold(char c) {
        return FOLD[c];
    }

    static List<String> of(CharSequence text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char folded = FOLD[text.charAt(i)];
            if (folded == MARK) {
                continue;
            }
            if (folded != 0) {
                word.append(folded);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
