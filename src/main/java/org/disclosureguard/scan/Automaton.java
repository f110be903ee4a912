package org.disclosureguard.scan;

/**
 * An Aho-Corasick automaton over the 26 letters, flattened into a full DFA so that matching is
 * one array read per letter. Immutable once built (see {@link AutomatonBuilder}).
 *
 * <p>States are stored pre-multiplied by {@link #ALPHABET}, so the next state is
 * {@code delta[state + letter] & STATE_MASK}. The sign bit of a transition is set when its target
 * state reports something, which keeps the no-hit path to a single branch.
 */
final class Automaton {

    static final int ALPHABET = 26;
    static final int OUTPUT_FLAG = 0x80000000;
    static final int STATE_MASK = 0x7FFFFFFF;
    static final int START = 0;

    /** Transitions: {@code delta[state + letter]} = pre-multiplied target | OUTPUT_FLAG. */
    final int[] delta;
    /** Terms ending at state id k are termIds[termOffsets[k] .. termOffsets[k + 1]). */
    final int[] termOffsets;
    final int[] termIds;
    /** Normalized length of each term. */
    final int[] termLengths;
    /** Per state id, the longest exclusion ending there (0 if none); only the longest matters. */
    final int[] exclusionLengths;
    final int maxTermLength;
    final int maxExclusionLength;

    Automaton(int[] delta, int[] termOffsets, int[] termIds, int[] termLengths, int[] exclusionLengths) {
        this.delta = delta;
        this.termOffsets = termOffsets;
        this.termIds = termIds;
        this.termLengths = termLengths;
        this.exclusionLengths = exclusionLengths;
        this.maxTermLength = max(termLengths);
        this.maxExclusionLength = max(exclusionLengths);
    }

    static int stateId(int state) {
        return state / ALPHABET;
    }

    private static int max(int[] values) {
        int max = 0;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
