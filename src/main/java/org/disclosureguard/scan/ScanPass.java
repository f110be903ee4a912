package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * One scan of one text: folds the text char by char into a stream of letters and word separators and feeds it
 * straight into the automaton. Besides the words as written, it reads two other ways, each only where it applies:
 * a chunk (text between white space) whose letters are cut by punctuation is read again glued ("t.h.e.r.a.p.y",
 * "<b>thera</b>py"), and a run of single letters ("T H E R A P Y") is read again glued with a word boundary
 * allowed anywhere ({@link GluedMatcher}). Holds only per-call scratch state, so a fresh instance per call keeps
 * {@link ContentScanner} thread-safe.
 */
final class ScanPass implements PendingHits.Sink {

    private static final int CHUNK_SIZE = 4096;
    /** A chunk at least this long may be an encoded run (base64, hex): {@link EncodedText} looks at it. */
    static final int ENCODED_CANDIDATE_LENGTH = 16;
    private static final int MIN_COLLAPSED_RUN = 3;

    private final Dictionary dictionary;
    private final Automaton automaton;
    /** Ring of the source offset of each recent symbol, long enough for the longest pattern. */
    private final int[] symbolSources;
    private final int ringMask;
    private final PendingHits pending;
    /** Collected matches, or null when the caller only needs to know whether one exists. */
    private final List<TermMatch> matches;
    private final List<TextSignal> signals = new ArrayList<>(0);
    /** Chunks long enough to be encoded text: start and end pairs. */
    private int[] longChunks = new int[0];
    private int longChunkCount;

    private String text;
    private int state;
    private int position;
    private int releaseAt;
    /** The last symbol fed was a separator (the text starts with one). */
    private boolean atSeparator;
    private int wordLetters;
    private int wordStart;
    private int wordScripts;
    private int lastLetterEnd;
    private int chunkStart;
    private boolean chunkPunctuationPending;
    private boolean chunkNeedsGlue;
    private int runCount;
    private int runStart;
    private int runEnd;
    private boolean bidiSeen;
    private int chunkWords;
    private int chunkSingleLetters;
    /** Words were cut into single letters (a run, or a chunk of them): {@link Reassembly} reads the text again. */
    private boolean lettersScattered;
    /** A hyphen at a line break joined two pieces into one word: {@link ContentScanner} also reads them apart. */
    private boolean hyphenJoined;

    ScanPass(Dictionary dictionary, boolean collectAll) {
        this.dictionary = dictionary;
        this.automaton = dictionary.automaton();
        int ringSize = Integer.highestOneBit(Math.max(1, automaton.maxPatternLength) * 2 - 1) * 2;
        this.symbolSources = new int[ringSize];
        this.ringMask = ringSize - 1;
        this.pending = new PendingHits(automaton.maxExclusionLength);
        this.matches = collectAll ? new ArrayList<>() : null;
    }

    List<TermMatch> matches() {
        return matches;
    }

    List<TextSignal> signals() {
        return signals;
    }

    boolean lettersScattered() {
        return lettersScattered;
    }

    boolean hyphenJoined() {
        return hyphenJoined;
    }

    int longChunkCount() {
        return longChunkCount;
    }

    int longChunkStart(int k) {
        return longChunks[2 * k];
    }

    int longChunkEnd(int k) {
        return longChunks[2 * k + 1];
    }

    /**
     * Scans {@code text}; returns true as soon as an unsuppressed hit is known when not collecting.
     *
     * <p>Reads a char[] copy of the text one chunk at a time (bulk {@code getChars} plus plain array reads beat
     * {@code String.charAt} per char); markup decoding still reads the String, so it may step past the chunk end.
     */
    boolean run(String text) {
        this.text = text;
        final int n = text.length();
        final char[] buffer = new char[Math.min(n, CHUNK_SIZE)];
        state = Automaton.START;
        position = 0;
        releaseAt = pending.releaseAt();
        atSeparator = false;
        chunkStart = 0;
        if (separator(0)) {
            return true;
        }
        int i = 0;
        while (i < n) {
            final int bufferStart = i;
            final int bufferEnd = Math.min(n, bufferStart + CHUNK_SIZE);
            text.getChars(bufferStart, bufferEnd, buffer, 0);
            while (i < bufferEnd) {
                char c = buffer[i - bufferStart];
                int entry = FoldTable.bmp(c);
                int next = i + 1;
                byte script = c < 0x80 ? FoldTable.SCRIPT_LATIN : FoldTable.script(c);
                if (entry < 0 && entry != FoldTable.SPACE && entry != FoldTable.PUNCT) {
                    long step = MarkupDecoder.decode(text, i, n, entry);
                    entry = MarkupDecoder.result(step);
                    next = i + MarkupDecoder.width(step);
                    if (next - i == 2 && Character.isHighSurrogate(c)) {
                        script = FoldTable.supplementaryScript(text.codePointAt(i));
                    }
                }
                if (entry > 0) {
                    if (letters(entry, i, next, script)) {
                        return true;
                    }
                } else if (entry == FoldTable.SPACE) {
                    if (space(i, next)) {
                        return true;
                    }
                } else if (entry == FoldTable.PUNCT) {
                    if (punctuation(i)) {
                        return true;
                    }
                } else if (entry == FoldTable.BIDI) {
                    bidi(i);
                } else if (entry == FoldTable.HYPHEN_JOIN) {
                    hyphenJoined = true;
                }
                i = next;
            }
        }
        if (space(n, n) || flushRun()) {
            return true;
        }
        return pending.releaseAll(this);
    }

    private boolean letters(int packet, int source, int sourceEnd, byte script) {
        if (atSeparator) {
            wordStart = source;
            wordLetters = 0;
            wordScripts = 0;
        }
        if (chunkPunctuationPending) {
            chunkNeedsGlue = true;
            chunkPunctuationPending = false;
        }
        wordScripts |= script;
        atSeparator = false;
        lastLetterEnd = sourceEnd;
        while (packet != 0) {
            wordLetters++;
            if (feed((packet & LetterPacket.FIELD_MASK) - 1, source, sourceEnd)) {
                return true;
            }
            packet >>>= LetterPacket.BITS_PER_LETTER;
        }
        return false;
    }

    private boolean space(int source, int next) {
        if (endWord(source)) {
            return true;
        }
        boolean stop = false;
        if (chunkNeedsGlue) {
            stop = GluedMatcher.chunk(dictionary, text, chunkStart, source, this);
            lettersScattered |= chunkSingleLetters >= MIN_COLLAPSED_RUN && 2 * chunkSingleLetters >= chunkWords;
        }
        chunkWords = 0;
        chunkSingleLetters = 0;
        if (source - chunkStart >= ENCODED_CANDIDATE_LENGTH) {
            addLongChunk(chunkStart, source);
        }
        chunkStart = next;
        chunkNeedsGlue = false;
        chunkPunctuationPending = false;
        return stop;
    }

    private boolean punctuation(int source) {
        if (endWord(source)) {
            return true;
        }
        // Only punctuation after a letter of this chunk can cut a word ("(therapy" is one word).
        chunkPunctuationPending |= chunkWords > 0;
        return false;
    }

    private void bidi(int source) {
        if (!bidiSeen) {
            bidiSeen = true;
            signals.add(new TextSignal(TextSignal.Kind.BIDI_CONTROL, source, source + 1));
        }
    }

    /** A separator after a word: feeds it, and keeps track of mixed scripts and runs of single letters. */
    private boolean endWord(int source) {
        if (atSeparator) {
            return false;
        }
        if ((wordScripts & (FoldTable.SCRIPT_LATIN | FoldTable.SCRIPT_OTHER)) == (FoldTable.SCRIPT_LATIN | FoldTable.SCRIPT_OTHER)) {
            signals.add(new TextSignal(TextSignal.Kind.MIXED_SCRIPT, wordStart, lastLetterEnd));
        }
        chunkWords++;
        if (wordLetters == 1) {
            chunkSingleLetters++;
            if (runCount == 0) {
                runStart = wordStart;
            }
            runCount++;
            runEnd = lastLetterEnd;
        } else if (flushRun()) {
            return true;
        }
        return separator(source);
    }

    private boolean separator(int source) {
        atSeparator = true;
        return feed(Automaton.SEP, source, lastLetterEnd);
    }

    private boolean flushRun() {
        int count = runCount;
        runCount = 0;
        if (count < MIN_COLLAPSED_RUN) {
            return false;
        }
        lettersScattered = true;
        return GluedMatcher.collapsedRun(dictionary, text, runStart, runEnd, this);
    }

    private boolean feed(int symbol, int source, int sourceEnd) {
        int transition = automaton.delta[state + symbol];
        symbolSources[position & ringMask] = source;
        position++;
        state = transition & Automaton.STATE_MASK;
        if (transition < 0) {
            record(state, position, sourceEnd);
            releaseAt = pending.releaseAt();
        }
        if (position >= releaseAt) {
            if (pending.release(position, this)) {
                return true;
            }
            releaseAt = pending.releaseAt();
        }
        return false;
    }

    /** Queues the patterns ending here, then lets the longest exclusion ending here suppress what it covers. */
    private void record(int state, int position, int sourceEnd) {
        int stateId = Automaton.stateId(state);
        for (int k = automaton.patternOffsets[stateId]; k < automaton.patternOffsets[stateId + 1]; k++) {
            int patternId = automaton.patternIds[k];
            int symbolStart = position - automaton.patternLengths[patternId];
            int textStart = symbolStart + automaton.leadSkips[patternId];
            pending.add(symbolStart, symbolSources[textStart & ringMask], sourceEnd, patternId);
        }
        int exclusionLength = automaton.exclusionLengths[stateId];
        if (exclusionLength > 0) {
            pending.suppressFrom(position - exclusionLength);
        }
    }

    private void addLongChunk(int start, int end) {
        if (2 * longChunkCount + 2 > longChunks.length) {
            longChunks = java.util.Arrays.copyOf(longChunks, Math.max(8, longChunks.length * 2));
        }
        longChunks[2 * longChunkCount] = start;
        longChunks[2 * longChunkCount + 1] = end;
        longChunkCount++;
    }

    @Override
    public boolean accept(int patternId, int start, int end) {
        if (dictionary.matchCase(patternId) && !capitalsAsWritten(dictionary.term(patternId), text, start, end)) {
            return false;
        }
        if (matches == null) {
            return true;
        }
        matches.add(new TermMatch(dictionary.term(patternId), start, end));
        return false;
    }

    /**
     * A case-sensitive entry counts only with its capitals as written: each all-capital word of the entry ("NET",
     * the "MH" of "referred to MH") must stand in the matched text in capitals; "net" and "referred to mh" do not
     * count.
     */
    static boolean capitalsAsWritten(String entry, String text, int start, int end) {
        String matched = Escapes.decode(text.substring(start, end));
        for (String word : entry.replace("*", "").split("[\\s\\-]+")) {
            if (!word.isEmpty() && word.chars().anyMatch(Character::isLetter)
                    && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase) && !matched.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
