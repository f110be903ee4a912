package org.disclosureguard.scan;

import java.util.Arrays;

/**
 * Builds an {@link Automaton}: a trie of the patterns (letters and separators), then failure links computed
 * breadth first and folded into every missing transition, then each state's output closed over
 * its failure chain (the dictionary-suffix outputs) and flattened into int arrays.
 */
final class AutomatonBuilder {

    private static final int NONE = -1;

    // The trie is sparse (first child, next sibling, letter: three ints a state) rather than a 27-wide row a state:
    // with 860,000 states the rows took 110 MB on top of the 90 MB table built from them, and a guard started with
    // -Xmx384m ran out of memory while it compiled its policy. Only the finished table is dense.
    private int[] firstChild = new int[16];
    private int[] nextSibling = new int[16];
    private byte[] letterOf = new byte[16];
    private int[] ownTerm = new int[16];
    private int[] ownExclusionLength = new int[16];
    private int stateCount = 1;
    private int[] termLengths = new int[16];
    private int[] leadSkips = new int[16];

    AutomatonBuilder() {
        Arrays.fill(firstChild, NONE);
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

    /**
     * Builds the table with the states numbered breadth first: the shallow states that almost every symbol of a text
     * visits then sit together at the start of the table, instead of spread over megabytes in the order entries were
     * added. Breadth first is also the order failure links need (a state's failure state is shallower), so the table
     * is filled once, in place, already renumbered. A builder builds once.
     */
    Automaton build(int termCount) {
        int[] order = breadthFirstOrder();
        int[] rank = new int[stateCount];
        for (int i = 0; i < stateCount; i++) {
            rank[order[i]] = i;
        }
        int[] delta = new int[stateCount * Automaton.ALPHABET];
        int[] fail = new int[stateCount];
        int[][] termOutputs = new int[stateCount][];
        int[] exclusionLengths = new int[stateCount];
        for (int at = 0; at < stateCount; at++) {
            int state = order[at];
            int row = at * Automaton.ALPHABET;
            // A missing transition goes where the failure state's goes (the root's go back to the root).
            if (at != Automaton.START) {
                System.arraycopy(delta, fail[at] * Automaton.ALPHABET, delta, row, Automaton.ALPHABET);
            }
            for (int child = firstChild[state]; child != NONE; child = nextSibling[child]) {
                int slot = row + letterOf[child];
                fail[rank[child]] = delta[slot];
                delta[slot] = rank[child];
            }
            // The failure state is shallower, so its closed outputs are already known.
            int[] inherited = at == Automaton.START ? new int[0] : termOutputs[fail[at]];
            termOutputs[at] = ownTerm[state] == NONE ? inherited : prepend(ownTerm[state], inherited);
            exclusionLengths[at] = Math.max(ownExclusionLength[state],
                    at == Automaton.START ? 0 : exclusionLengths[fail[at]]);
        }
        return new Automaton(premultiplyAndFlag(delta, termOutputs, exclusionLengths), offsets(termOutputs),
                concat(termOutputs), Arrays.copyOf(termLengths, termCount), Arrays.copyOf(leadSkips, termCount),
                exclusionLengths);
    }

    private int walk(byte[] letters) {
        int state = Automaton.START;
        for (byte letter : letters) {
            int child = firstChild[state];
            while (child != NONE && letterOf[child] != letter) {
                child = nextSibling[child];
            }
            if (child == NONE) {
                child = newState(letter);
                nextSibling[child] = firstChild[state];
                firstChild[state] = child;
            }
            state = child;
        }
        return state;
    }

    private int newState(byte letter) {
        if (stateCount == ownTerm.length) {
            // By half again, not double: the bundled dictionary is a million states, and doubling past 2^20 had added
            // 20 MB of unused slots to every compile (two compiled policies live at once during a reload).
            int capacity = stateCount + Math.max(16, stateCount / 2);
            firstChild = Arrays.copyOf(firstChild, capacity);
            Arrays.fill(firstChild, stateCount, capacity, NONE);
            nextSibling = Arrays.copyOf(nextSibling, capacity);
            letterOf = Arrays.copyOf(letterOf, capacity);
            ownTerm = Arrays.copyOf(ownTerm, capacity);
            Arrays.fill(ownTerm, stateCount, capacity, NONE);
            ownExclusionLength = Arrays.copyOf(ownExclusionLength, capacity);
        }
        letterOf[stateCount] = letter;
        return stateCount++;
    }

    private int[] breadthFirstOrder() {
        int[] queue = new int[stateCount];
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            for (int child = firstChild[queue[head]]; child != NONE; child = nextSibling[child]) {
                queue[tail++] = child;
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
