package org.disclosureguard.scan;

/**
 * A person's initials as case records write them: two or three capitals, each followed by a full stop ("D.S.M.,",
 * "(J. R. M.)"). Read glued they spell abbreviations of the dictionary (DSM, ACT, CBT), so a child named
 * Diana Sofía Martínez was held as a diagnosis. Four or more stay glued: "P.T.S.D." and a spelled-out word
 * ("T.H.E.R.A.P.Y.") are disguises, and names rarely have four initials that spell a term.
 */
final class Initials {

    private static final int MAX_LETTERS = 3;

    private Initials() {
    }

    /** Whether the stretch {@code [from, to)} holds nothing but two or three initials (and spaces, brackets, commas). */
    static boolean in(String text, int from, int to) {
        int letters = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c) || i + 1 >= text.length() || text.charAt(i + 1) != '.' || ++letters > MAX_LETTERS) {
                    return false;
                }
            } else if (c != '.' && c != ',' && c != ';' && c != ':' && c != '(' && c != ')' && c != ' ') {
                return false;
            }
        }
        return letters >= 2;
    }
}
