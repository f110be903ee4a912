package org.disclosureguard.scan;

import java.util.Arrays;

/**
 * Builds an {@link Automaton}: a trie of the patterns (letters and separators), then failure links computed
 * breadth first and folded into every missing transition, then each state's output closed over
 * its failure chain (the dictionary-suffix outputs) and flattened into int arrays.
 */
final class AutomatonBuilder {

    private static final int NONE = -1;

    private int[] children = new int[Automaton.ALPHABET * 16];
    private int[] ownTerm = new int[16];
    private int[] ownExclusionLength = new int[16];
    private int stateCount = 1;
    private int[] termLengths = new int[16];
    private int[] leadSkips = new int[16];

    AutomatonBuilder() {
        Arrays.fill(children, NONE);
        Arrays.fill(ownTerm, NONE);
    }

    /**
     * Adds a term pattern under {@code patternId}; returns that id, or the id of the earlier pattern with the same
     * symbols (which then stands for both).
     */
    int addTerm(byte[] symbols, int patternId) {
        int state = walk(symbols);
        if (ownTerm[state] != NONE) {
            return ownTerm[state];
        }
        if (patternId >= termLengths.length) {
            termLengths = Arrays.copyOf(termLengths, Math.max(patternId + 1, termLengths.length * 2));
            leadSkips = Arrays.copyOf(leadSkips, termLengths.length);
        }
        ownTerm[state] = patternId;
        termLengths[patternId] = symbols.length;
        leadSkips[patternId] = symbols.length > 0 && symbols[0] == Automaton.SEP ? 1 : 0;
        return patternId;
    }

    void addExclusion(byte[] letters) {
        int state = walk(letters);
        ownExclusionLength[state] = letters.length;
    }

    Automaton build(int termCount) {
        int[] delta = new int[stateCount * Automaton.ALPHABET];
        int[] fail = new int[stateCount];
        int[] order = breadthFirstOrder();
        int[][] termOutputs = new int[stateCount][];
        int[] exclusionLengths = new int[stateCount];

        for (int state : order) {
            boolean root = state == Automaton.START;
            int failState = fail[state];
            for (int letter = 0; letter < Automaton.ALPHABET; letter++) {
                int child = children[state * Automaton.ALPHABET + letter];
                int fallback = root ? Automaton.START : delta[failState * Automaton.ALPHABET + letter];
                if (child != NONE) {
                    fail[child] = fallback;
                    delta[state * Automaton.ALPHABET + letter] = child;
                } else {
                    delta[state * Automaton.ALPHABET + letter] = fallback;
                }
            }
            // The failure state is shallower, so its closed outputs are already known.
            int[] inherited = root ? new int[0] : termOutputs[failState];
            termOutputs[state] = ownTerm[state] == NONE ? inherited : prepend(ownTerm[state], inherited);
            exclusionLengths[state] = Math.max(ownExclusionLength[state], root ? 0 : exclusionLengths[failState]);
        }
        // The trie is folded into delta now. Let it go before the renumbered copy of the table is made: with 650,000
        // states each table is 70 MB and the trie's array up to twice that, and holding all three at once ran a guard
        // started with -Xmx384m out of memory while it compiled its policy. A builder builds once.
        children = null;
        // Renumber the states breadth first: the shallow states that almost every symbol of a text visits then
        // sit together at the start of the table, instead of spread over megabytes in the order entries were added.
        int[] rank = new int[stateCount];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        int[] ranked = new int[delta.length];
        int[][] rankedOutputs = new int[stateCount][];
        int[] rankedExclusions = new int[stateCount];
        for (int state = 0; state < stateCount; state++) {
            int to = rank[state];
            for (int letter = 0; letter < Automaton.ALPHABET; letter++) {
                ranked[to * Automaton.ALPHABET + letter] = rank[delta[state * Automaton.ALPHABET + letter]];
            }
            rankedOutputs[to] = termOutputs[state];
            rankedExclusions[to] = exclusionLengths[state];
        }
        return new Automaton(premultiplyAndFlag(ranked, rankedOutputs, rankedExclusions), offsets(rankedOutputs),
                concat(rankedOutputs), Arrays.copyOf(termLengths, termCount), Arrays.copyOf(leadSkips, termCount),
                rankedExclusions);
    }

    private int walk(byte[] letters) {
        int state = Automaton.START;
        for (byte letter : letters) {
            int slot = state * Automaton.ALPHABET + letter;
            if (children[slot] == NONE) {
                int created = newState(); // may reallocate children, so read the array after
                children[slot] = created;
            }
            state = children[slot];
        }
        return state;
    }

    private int newState() {
        if (stateCount == ownTerm.length) {
            int capacity = stateCount * 2;
            int oldChildren = children.length;
            children = Arrays.copyOf(children, capacity * Automaton.ALPHABET);
            Arrays.fill(children, oldChildren, children.length, NONE);
            ownTerm = Arrays.copyOf(ownTerm, capacity);
            Arrays.fill(ownTerm, stateCount, capacity, NONE);
            ownExclusionLength = Arrays.copyOf(ownExclusionLength, capacity);
        }
        return stateCount++;
    }

    private int[] breadthFirstOrder() {
        int[] queue = new int[stateCount];
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            int state = queue[head];
            for (int letter = 0; letter < Automaton.ALPHABET; letter++) {
                int child = children[state * Automaton.ALPHABET + letter];
                if (child != NONE) {
                    queue[tail++] = child;
                }
            }
        }
        return queue;
    }

    private static int[] premultiplyAndFlag(int[] delta, int[][] termOutputs, int[] exclusionLengths) {
        for (int i = 0; i < delta.length; i++) {
            int target = delta[i];
            boolean reports = termOutputs[target].length > 0 || exclusionLengths[target] > 0;
            delta[i] = target * Automaton.ALPHABET | (reports ? Automaton.OUTPUT_FLAG : 0);
        }
        return delta;
    }

    private static int[] prepend(int first, int[] rest) {
        int[] result = new int[rest.length + 1];
        result[0] = first;
        System.arraycopy(rest, 0, result, 1, rest.length);
        return result;
    }

    private static int[] offsets(int[][] lists) {
        int[] offsets = new int[lists.length + 1];
        for (int i = 0; i < lists.length; i++) {
            offsets[i + 1] = offsets[i] + lists[i].length;
        }
        return offsets;
    }

    private static int[] concat(int[][] lists) {
        int[] all = new int[offsets(lists)[lists.length]];
        int at = 0;
        for (int[] list : lists) {
            System.arraycopy(list, 0, all, at, list.length);
            at += list.length;
        }
        return all;
    }
}
