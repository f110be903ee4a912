package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * One scan of one text: normalizes the text char by char and feeds each letter straight into the
 * automaton, with no intermediate letter stream. Holds only per-call scratch state, so a fresh
 * instance per call keeps {@link ContentScanner} thread-safe.
 */
final class ScanPass implements PendingHits.Sink {

    private static final int CHUNK_SIZE = 4096;

    private final Dictionary dictionary;
    private final Automaton automaton;
    /** Ring of the source offset of each recent letter, long enough for the longest term. */
    private final int[] letterSources;
    private final int ringMask;
    private final PendingHits pending;
    /** Collected matches, or null when the caller only needs to know whether one exists. */
    private final List<TermMatch> matches;

    ScanPass(Dictionary dictionary, boolean collectAll) {
        this.dictionary = dictionary;
        this.automaton = dictionary.automaton();
        int ringSize = Integer.highestOneBit(Math.max(1, automaton.maxTermLength) * 2 - 1);
        this.letterSources = new int[ringSize];
        this.ringMask = ringSize - 1;
        this.pending = new PendingHits(automaton.maxExclusionLength);
        this.matches = collectAll ? new ArrayList<>() : null;
    }

    List<TermMatch> matches() {
        return matches;
    }

    /**
     * Scans {@code text}; returns true as soon as an unsuppressed hit is known when not collecting.
     *
     * <p>This is {@link TextNormalizer#stepAt} inlined over a char[] copy of the text, one chunk
     * at a time: bulk {@code getChars} plus plain array reads beat {@code String.charAt} per char.
     * Markup decoding still reads the String, so it may look (and step) past the chunk end.
     */
    boolean run(String text) {
        final int[] delta = automaton.delta;
        final int[] ring = letterSources;
        final int mask = ringMask;
        final int n = text.length();
        final char[] chunk = new char[Math.min(n, CHUNK_SIZE)];
        int state = Automaton.START;
        int position = 0;
        int releaseAt = pending.releaseAt();
        int i = 0;
        while (i < n) {
            final int chunkStart = i;
            final int chunkEnd = Math.min(n, chunkStart + CHUNK_SIZE);
            text.getChars(chunkStart, chunkEnd, chunk, 0);
            while (i < chunkEnd) {
                int packet = FoldTable.bmp(chunk[i - chunkStart]);
                int next = i + 1;
                if (packet < 0) {
                    long step = MarkupDecoder.decode(text, i, n, packet);
                    packet = TextNormalizer.packet(step);
                    next = i + TextNormalizer.width(step);
                }
                while (packet != 0) {
                    int transition = delta[state + (packet & LetterPacket.FIELD_MASK) - 1];
                    packet >>>= LetterPacket.BITS_PER_LETTER;
                    ring[position & mask] = i;
                    position++;
                    state = transition & Automaton.STATE_MASK;
                    if (transition < 0) {
                        record(state, position, next);
                        releaseAt = pending.releaseAt();
                    }
                    if (position >= releaseAt) {
                        if (pending.release(position, this)) {
                            return true;
                        }
                        releaseAt = pending.releaseAt();
                    }
                }
                i = next;
            }
        }
        return pending.releaseAll(this);
    }

    /** Queues the terms ending here, then lets the longest exclusion ending here suppress what it covers. */
    private void record(int state, int position, int sourceEnd) {
        int stateId = Automaton.stateId(state);
        for (int k = automaton.termOffsets[stateId]; k < automaton.termOffsets[stateId + 1]; k++) {
            int termId = automaton.termIds[k];
            int letterStart = position - automaton.termLengths[termId];
            pending.add(letterStart, letterSources[letterStart & ringMask], sourceEnd, termId);
        }
        int exclusionLength = automaton.exclusionLengths[stateId];
        if (exclusionLength > 0) {
            pending.suppressFrom(position - exclusionLength);
        }
    }

    @Override
    public boolean accept(int termId, int start, int end) {
        if (matches == null) {
            return true;
        }
        matches.add(new TermMatch(dictionary.term(termId), start, end));
        return false;
    }
}
