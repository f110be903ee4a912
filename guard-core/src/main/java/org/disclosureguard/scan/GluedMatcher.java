package org.disclosureguard.scan;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a stretch of text again with its letters glued together, for the two disguises that cut a word into
 * pieces: punctuation or markup inside a chunk ("t.h.e.r.a.p.y", "thera*py", "&lt;b&gt;thera&lt;/b&gt;py"), read as
 * one word between separators; and a run of single letters ("T H E R A P Y", "I s a w a t h e r a p i s t"),
 * where the writer's word boundaries are lost, so a word may start and end at any letter. Both are rare, so this
 * favours clarity over speed; exclusions apply as in the main pass.
 */
final class GluedMatcher {

    /** Longest stretch read again; longer chunks are encoded runs or noise, left to {@link EncodedText}. */
    private static final int MAX_LETTERS = 4096;

    private GluedMatcher() {
    }

    /** The chunk {@code [from, to)} as one word: separator, all its letters, separator. */
    static void chunk(Dictionary dictionary, String text, int from, int to, PendingHits.Sink sink) {
        Letters letters = Letters.of(text, from, to);
        if (letters.count < 2) {
            return;
        }
        Automaton automaton = dictionary.automaton();
        Hits hits = new Hits(letters);
        int state = automaton.afterSeparator();
        for (int j = 0; j <= letters.count; j++) {
            boolean closing = j == letters.count;
            state = automaton.delta[state + (closing ? Automaton.SEP : letters.symbols[j])] & Automaton.STATE_MASK;
            // Symbols are numbered with the opening separator at 0, so letter j is symbol j + 1.
            hits.collect(automaton, state, j + 1, 0, letters.count + 1);
        }
        hits.release(sink, text);
    }

    /** The run {@code [from, to)} of single letters, with a word boundary allowed before and after every letter. */
    static void collapsedRun(Dictionary dictionary, String text, int from, int to, PendingHits.Sink sink) {
        Letters letters = Letters.of(text, from, to);
        Automaton automaton = dictionary.automaton();
        Hits hits = new Hits(letters);
        for (int start = 0; start < letters.count; start++) {
            int state = automaton.afterSeparator();
            int end = Math.min(letters.count, start + automaton.maxPatternLength);
            for (int j = start; j < end; j++) {
                state = automaton.delta[state + letters.symbols[j]] & Automaton.STATE_MASK;
                // Symbol numbering for this start: separator at start, letter j at j + 1, a separator after it at j + 2.
                hits.collect(automaton, state, j + 1, start, j + 2);
                int closed = automaton.delta[state + Automaton.SEP] & Automaton.STATE_MASK;
                hits.collect(automaton, closed, j + 2, start, j + 2);
            }
        }
        hits.release(sink, null);
    }

    /** The letters of a stretch of text, each with the source chars it came from; separators are dropped. */
    private static final class Letters {
        byte[] symbols = new byte[16];
        int[] sourceStarts = new int[16];
        int[] sourceEnds = new int[16];
        int count;

        static Letters of(String text, int from, int to) {
            Letters letters = new Letters();
            for (int i = from; i < to && letters.count < MAX_LETTERS; ) {
                long step = MarkupDecoder.stepAt(text, i, text.length());
                int next = i + MarkupDecoder.width(step);
                int packet = MarkupDecoder.result(step);
                while (packet > 0) {
                    letters.add((byte) ((packet & LetterPacket.FIELD_MASK) - 1), i, next);
                    packet >>>= LetterPacket.BITS_PER_LETTER;
                }
                i = next;
            }
            return letters;
        }

        void add(byte symbol, int start, int end) {
            if (count == symbols.length) {
                symbols = Arrays.copyOf(symbols, count * 2);
                sourceStarts = Arrays.copyOf(sourceStarts, count * 2);
                sourceEnds = Arrays.copyOf(sourceEnds, count * 2);
            }
            symbols[count] = symbol;
            sourceStarts[count] = start;
            sourceEnds[count] = end;
            count++;
        }
    }

    /**
     * Pattern hits and exclusions as ranges of letter indexes. Symbol positions are numbered so that letter k is
     * symbol k + 1; {@code opening} is the position of the separator before the first letter read and
     * {@code closing} that of a separator after the last.
     */
    private static final class Hits {
        final Letters letters;
        final Set<Long> seen = new HashSet<>();
        int[] hitPatterns = new int[4];
        int[] hitFirst = new int[4];
        int[] hitLast = new int[4];
        int hitCount;
        int[] exclusionFirst = new int[4];
        int[] exclusionLast = new int[4];
        int exclusionCount;

        Hits(Letters letters) {
            this.letters = letters;
        }

        /** Records what ends at symbol position {@code end} in {@code state}. */
        void collect(Automaton automaton, int state, int end, int opening, int closing) {
            int stateId = Automaton.stateId(state);
            for (int k = automaton.patternOffsets[stateId]; k < automaton.patternOffsets[stateId + 1]; k++) {
                int pattern = automaton.patternIds[k];
                int first = end - automaton.patternLengths[pattern] + 1 + automaton.leadSkips[pattern];
                int last = end == closing ? end - 1 : end;
                if (seen.add(((long) pattern << 40) | ((long) first << 20) | last)) {
                    addHit(pattern, first - 1, last - 1);
                }
            }
            int exclusion = automaton.exclusionLengths[stateId];
            if (exclusion > 0) {
                int first = Math.max(opening + 1, end - exclusion + 1);
                int last = end == closing ? end - 1 : end;
                addExclusion(first - 1, last - 1);
            }
        }

        /**
         * Reports the hits no exclusion covers. With {@code cutsIn} (a chunk), only hits that span a cut: a hit
         * inside one word of the main pass was already judged there, with the exclusions around it.
         */
        void release(PendingHits.Sink sink, String cutsIn) {
            for (int h = 0; h < hitCount; h++) {
                if (cutsIn != null && !spansACut(cutsIn, hitFirst[h], hitLast[h])) {
                    continue;
                }
                if (!covered(hitFirst[h], hitLast[h])) {
                    sink.accept(hitPatterns[h], letters.sourceStarts[hitFirst[h]], letters.sourceEnds[hitLast[h]]);
                }
            }
        }

        private boolean spansACut(String text, int first, int last) {
            for (int k = first; k < last; k++) {
                for (int i = letters.sourceEnds[k]; i < letters.sourceStarts[k + 1]; ) {
                    long step = MarkupDecoder.stepAt(text, i, text.length());
                    int result = MarkupDecoder.result(step);
                    if (result == FoldTable.PUNCT || result == FoldTable.SPACE) {
                        return true;
                    }
                    i += MarkupDecoder.width(step);
                }
            }
            return false;
        }

        private boolean covered(int first, int last) {
            for (int e = 0; e < exclusionCount; e++) {
                if (exclusionFirst[e] <= first && exclusionLast[e] >= last) {
                    return true;
                }
            }
            return false;
        }

        private void addHit(int pattern, int first, int last) {
            if (hitCount == hitPatterns.length) {
                hitPatterns = Arrays.copyOf(hitPatterns, hitCount * 2);
                hitFirst = Arrays.copyOf(hitFirst, hitCount * 2);
                hitLast = Arrays.copyOf(hitLast, hitCount * 2);
            }
            hitPatterns[hitCount] = pattern;
            hitFirst[hitCount] = first;
            hitLast[hitCount] = last;
            hitCount++;
        }

        private void addExclusion(int first, int last) {
            if (exclusionCount == exclusionFirst.length) {
                exclusionFirst = Arrays.copyOf(exclusionFirst, exclusionCount * 2);
                exclusionLast = Arrays.copyOf(exclusionLast, exclusionCount * 2);
            }
            exclusionFirst[exclusionCount] = first;
            exclusionLast[exclusionCount] = last;
            exclusionCount++;
        }
    }
}
