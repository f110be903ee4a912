package org.disclosureguard.scan;

/**
 * An Aho-Corasick automaton over the 26 letters and the word separator {@link #SEP}, flattened into a full DFA
 * so that matching is one array read per symbol. Immutable once built (see {@link AutomatonBuilder}).
 *
 * <p>Patterns are words with separators: " therapist " (a whole word) is SEP t h e r a p i s t SEP, so
 * "the rapist" (SEP t h e SEP r a p i s t SEP) does not contain it; "therap*" has no closing SEP and so matches
 * any word that starts with it.
 *
 * <p>States are stored pre-multiplied by {@link #ALPHABET}, so the next state is
 * {@code delta[state + symbol] & STATE_MASK}. The sign bit of a transition is set when its target
 * state reports something, which keeps the no-hit path to a single branch.
 */
final class Automaton {

    static final int LETTERS = 26;
    /** The word separator: any run of white space, punctuation or symbols between two words. */
    static final int SEP = 26;
    static final int ALPHABET = 27;
    static final int OUTPUT_FLAG = 0x80000000;
    static final int STATE_MASK = 0x7FFFFFFF;
    static final int START = 0;

    /** Transitions: {@code delta[state + symbol]} = pre-multiplied target | OUTPUT_FLAG. */
    final int[] delta;
    /** Patterns ending at state id k are patternIds[patternOffsets[k] .. patternOffsets[k + 1]). */
    final int[] patternOffsets;
    final int[] patternIds;
    /** Length in symbols of each pattern. */
    final int[] patternLengths;
    /** Per pattern, 1 when it starts with a separator (its text starts one symbol later), else 0. */
    final int[] leadSkips;
    /** Per state id, the longest exclusion ending there (0 if none); only the longest matters. */
    final int[] exclusionLengths;
    final int maxPatternLength;
    final int maxExclusionLength;

    Automaton(int[] delta, int[] patternOffsets, int[] patternIds, int[] patternLengths, int[] leadSkips,
              int[] exclusionLengths) {
        this.delta = delta;
        this.patternOffsets = patternOffsets;
        this.patternIds = patternIds;
        this.patternLengths = patternLengths;
        this.leadSkips = leadSkips;
        this.exclusionLengths = exclusionLengths;
        this.maxPatternLength = max(patternLengths);
        this.maxExclusionLength = max(exclusionLengths);
    }

    static int stateId(int state) {
        return state / ALPHABET;
    }

    /** The state after the separator that starts every text. */
    int afterSeparator() {
        return delta[START + SEP] & STATE_MASK;
    }

    private static int max(int[] values) {
        int max = 0;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
