package org.disclosureguard.scan;

/**
 * One dictionary entry as the policy writes it (see {@link EntrySyntax}): a therapy term, an exclusion (a
 * look-alike phrase that is not therapy: a hit inside it does not count), or a cue (see {@link Dictionary}): one side
 * of a pair, which counts only next to a cue of the pair's other side, or one part of a context group. A
 * {@code matchCase} term counts only when written in capitals, for abbreviations whose lower-case form is a common
 * word ("NET", "ACT").
 *
 * @param pair the pair slot this cue belongs to (0, 1, ...), or -1 for a term or an exclusion
 * @param secondSide which side of the pair slot the cue is on
 * @param context whether the slot belongs to a context group (heads and context in slot p, unless in slot p + 1)
 */
public record DictionaryEntry(String text, boolean exclusion, boolean matchCase, int pair, boolean secondSide,
                              boolean context) {

    /** The three parts of a context group. */
    public enum ContextRole { HEAD, CONTEXT, UNLESS }

    public DictionaryEntry(String text, boolean exclusion, boolean matchCase) {
        this(text, exclusion, matchCase, -1, false, false);
    }

    public static DictionaryEntry term(String text) {
        return new DictionaryEntry(text, false, false);
    }

    public static DictionaryEntry exclusion(String text) {
        return new DictionaryEntry(text, true, false);
    }

    /** A cue on one side of pair {@code pair}: neither a term nor an exclusion on its own. */
    public static DictionaryEntry cue(String text, int pair, boolean secondSide) {
        checkSlot(pair);
        return new DictionaryEntry(text, false, false, pair, secondSide, false);
    }

    /**
     * A cue of the context group that takes pair slots {@code pair} and {@code pair + 1}: a head (a term's bare word,
     * "therapist"), a context (a word of the benign sense, "knee"), or an unless (a word that keeps the head a hit,
     * "disclosed").
     */
    public static DictionaryEntry contextCue(String text, int pair, ContextRole role) {
        checkSlot(pair);
        checkSlot(pair + 1);
        return switch (role) {
            case HEAD -> new DictionaryEntry(text, false, false, pair, false, true);
            case CONTEXT -> new DictionaryEntry(text, false, false, pair, true, true);
            case UNLESS -> new DictionaryEntry(text, false, false, pair + 1, true, true);
        };
    }

    private static void checkSlot(int pair) {
        if (pair < 0 || pair >= Dictionary.MAX_PAIRS) {
            throw new IllegalArgumentException("pair " + pair + " is out of range 0.." + (Dictionary.MAX_PAIRS - 1));
        }
    }

    public boolean cue() {
        return pair >= 0;
    }
}
