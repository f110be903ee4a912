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
    /**
     * The automaton symbol of each ASCII char that folds to exactly one letter, -1 for the others: read from the
     * fold table, so the fast path in {@link #asciiLetters} folds exactly as the table does.
     */
    private static final byte[] ASCII_SYMBOLS = asciiSymbols();

    private final Dictionary dictionary;
    private final Automaton automaton;
    /** Ring of the source offset of each recent symbol, long enough for the longest pattern. */
    private final int[] symbolSources;
    private final int ringMask;
    private final PendingHits pending;
    private final List<TermMatch> matches = new ArrayList<>();
    private final List<TextSignal> signals = new ArrayList<>(0);
    private final List<PairCues.Hit> cues = new ArrayList<>(0);
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
    /** Letters of the run since its last comma or semicolon. */
    private int runSinceList;
    private int runStart;
    private int runEnd;
    private boolean bidiSeen;
    private int chunkWords;
    private int chunkSingleLetters;
    /** Words were cut into single letters (a run, or a chunk of them): {@link Reassembly} reads the text again. */
    private boolean lettersScattered;
    /** A hyphen at a line break joined two pieces into one word: {@link ContentScanner} also reads them apart. */
    private boolean hyphenJoined;

    ScanPass(Dictionary dictionary) {
        this.dictionary = dictionary;
        this.automaton = dictionary.automaton();
        int ringSize = Integer.highestOneBit(Math.max(1, automaton.maxPatternLength) * 2 - 1) * 2;
        this.symbolSources = new int[ringSize];
        this.ringMask = ringSize - 1;
        this.pending = new PendingHits(automaton.maxExclusionLength);
    }

    private static byte[] asciiSymbols() {
        byte[] symbols = new byte[0x80];
        for (char c = 0; c < 0x80; c++) {
            int entry = FoldTable.bmp(c);
            boolean oneLetter = entry > 0 && (entry >>> LetterPacket.BITS_PER_LETTER) == 0;
            symbols[c] = (byte) (oneLetter ? (entry & LetterPacket.FIELD_MASK) - 1 : -1);
        }
        return symbols;
    }

    List<TermMatch> matches() {
        return matches;
    }

    List<TextSignal> signals() {
        return signals;
    }

    /** Hits of pair cues, not suppressed by an exclusion; {@link PairCues} pairs them up. */
    List<PairCues.Hit> cues() {
        return cues;
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
     * Scans {@code text}, collecting its matches and signals.
     *
     * <p>Reads a char[] copy of the text one chunk at a time (bulk {@code getChars} plus plain array reads beat
     * {@code String.charAt} per char); markup decoding still reads the String, so it may step past the chunk end.
     */
    void run(String text) {
        this.text = text;
        final int n = text.length();
        final char[] buffer = new char[Math.min(n, CHUNK_SIZE)];
        state = Automaton.START;
        position = 0;
        releaseAt = pending.releaseAt();
        atSeparator = false;
        chunkStart = 0;
        separator(0);
        int i = 0;
        while (i < n) {
            final int bufferStart = i;
            final int bufferEnd = Math.min(n, bufferStart + CHUNK_SIZE);
            text.getChars(bufferStart, bufferEnd, buffer, 0);
            while (i < bufferEnd) {
                char c = buffer[i - bufferStart];
                if (c < 0x80 && ASCII_SYMBOLS[c] >= 0) {
                    i = asciiLetters(buffer, bufferStart, i, bufferEnd);
                    continue;
                }
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
                    letters(entry, i, next, script);
                } else if (entry == FoldTable.SPACE) {
                    space(i, next);
                } else if (entry == FoldTable.PUNCT) {
                    punctuation(i);
                } else if (entry == FoldTable.BIDI) {
                    bidi(i);
                } else if (entry == FoldTable.HYPHEN_JOIN) {
                    hyphenJoined = true;
                }
                i = next;
            }
        }
        space(n, n);
        flushRun();
        pending.releaseAll(this);
    }

    /**
     * The common case, a run of plain ASCII letters, fed with the automaton's state in locals: it does what
     * {@link #letters} and {@link #feed} do for each of them, and returns the index after the run.
     */
    private int asciiLetters(char[] buffer, int bufferStart, int from, int bufferEnd) {
        letters(0, from, from, FoldTable.SCRIPT_LATIN);
        final int[] delta = automaton.delta;
        final int[] sources = symbolSources;
        final int mask = ringMask;
        int current = state;
        int at = position;
        int release = releaseAt;
        int i = from;
        int symbol = ASCII_SYMBOLS[buffer[i - bufferStart]];
        while (true) {
            int transition = delta[current + symbol];
            sources[at & mask] = i;
            at++;
            current = transition & Automaton.STATE_MASK;
            i++;
            if (transition < 0 || at >= release) {
                state = current;
                position = at;
                reportAndRelease(transition < 0, i);
                release = releaseAt;
            }
            if (i >= bufferEnd) {
                break;
            }
            char c = buffer[i - bufferStart];
            if (c >= 0x80 || (symbol = ASCII_SYMBOLS[c]) < 0) {
                break;
            }
        }
        state = current;
        position = at;
        wordLetters += i - from;
        lastLetterEnd = i;
        return i;
    }

    private void letters(int packet, int source, int sourceEnd, byte script) {
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
            feed((packet & LetterPacket.FIELD_MASK) - 1, source, sourceEnd);
            packet >>>= LetterPacket.BITS_PER_LETTER;
        }
    }

    private void space(int source, int next) {
        endWord(source);
        if (chunkNeedsGlue) {
            GluedMatcher.chunk(dictionary, text, chunkStart, source, this);
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
    }

    private void punctuation(int source) {
        endWord(source);
        char c = text.charAt(source);
        if (c == ',' || c == ';') {
            // A list's separator after two letters or more ends a run: "K.D., S.M." are two people's initials,
            // not "KDSM" (which held as DSM). Letters spaced one by one ("t, h, e, r ...") stay one run.
            if (runSinceList >= 2) {
                flushRun();
            }
            runSinceList = 0;
        }
        // Only punctuation after a letter of this chunk can cut a word ("(therapy" is one word).
        chunkPunctuationPending |= chunkWords > 0;
    }

    private void bidi(int source) {
        if (!bidiSeen) {
            bidiSeen = true;
            signals.add(new TextSignal(TextSignal.Kind.BIDI_CONTROL, source, source + 1));
        }
    }

    /** A separator after a word: feeds it, and keeps track of mixed scripts and runs of single letters. */
    private void endWord(int source) {
        if (atSeparator) {
            return;
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
            runSinceList++;
            runEnd = lastLetterEnd;
        } else {
            flushRun();
        }
        separator(source);
    }

    private void separator(int source) {
        atSeparator = true;
        feed(Automaton.SEP, source, lastLetterEnd);
    }

    private void flushRun() {
        int count = runCount;
        runCount = 0;
        runSinceList = 0;
        if (count >= MIN_COLLAPSED_RUN) {
            lettersScattered = true;
            GluedMatcher.collapsedRun(dictionary, text, runStart, runEnd, this);
        }
    }

    private void feed(int symbol, int source, int sourceEnd) {
        int transition = automaton.delta[state + symbol];
        symbolSources[position & ringMask] = source;
        position++;
        state = transition & Automaton.STATE_MASK;
        if (transition < 0 || position >= releaseAt) {
            reportAndRelease(transition < 0, sourceEnd);
        }
    }

    /**
     * After a move to {@link #state} at {@link #position}: records the patterns ending here when the target reports
     * any, then releases the pending hits whose exclusions can no longer come. Shared by {@link #feed} and the ASCII
     * run loop, which calls it only when one of the two is due.
     */
    private void reportAndRelease(boolean reports, int sourceEnd) {
        if (reports) {
            record(state, position, sourceEnd);
            releaseAt = pending.releaseAt();
        }
        if (position >= releaseAt) {
            pending.release(position, this);
            releaseAt = pending.releaseAt();
        }
    }

    /** Queues the patterns ending here, then lets the longest exclusion ending here suppress what it covers. */
    private void record(int state, int position, int sourceEnd) {
        int stateId = Automaton.stateId(state);
        for (int k = automaton.patternOffsets[stateId]; k < automaton.patternOffsets[stateId + 1]; k++) {
            int patternId = automaton.patternIds[k];
            int symbolStart = position - automaton.patternLengths[patternId];
            int textStart = symbolStart + automaton.leadSkips[patternId];
            // Context evidence is reported at once (no exclusion suppresses it); only terms and pair cues wait for
            // the exclusions that may cover them.
            long evidence = dictionary.evidence(patternId);
            if (evidence != 0) {
                cues.add(new PairCues.Hit(0L, evidence, symbolSources[textStart & ringMask], sourceEnd, dictionary.term(patternId)));
            }
            if (dictionary.awaitsExclusions(patternId)) {
                pending.add(symbolStart, symbolSources[textStart & ringMask], sourceEnd, patternId);
            }
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
    public void accept(int patternId, int start, int end) {
        if (dictionary.isTerm(patternId)
                && (!dictionary.matchCase(patternId) || capitalsAsWritten(dictionary.term(patternId), text, start, end))) {
            matches.add(new TermMatch(dictionary.term(patternId), start, end));
        }
        if (dictionary.isCue(patternId)) {
            cues.add(new PairCues.Hit(dictionary.cueFirstSides(patternId), dictionary.cueSecondSides(patternId), start, end,
                    dictionary.term(patternId)));
        }
    }

    /**
     * A case-sensitive entry counts only with its capitals as written: each all-capital word of the entry ("NET",
     * the "MH" of "referred to MH") must stand in the matched text in capitals; "net" and "referred to mh" do not
     * count. Letters are compared by position among the matched letters, so separators between them ("C_A_T_S",
     * "C.A.T.S.") and look-alike capitals of other scripts (Cyrillic "САТS") count as written; a matched letter the
     * entry has no position for (a leetspeak digit shifts nothing: digits are no letters) is not checked.
     */
    private static final java.util.regex.Pattern ENTRY_WORDS = java.util.regex.Pattern.compile("[\\s\\-]+");

    static boolean capitalsAsWritten(String entry, String text, int start, int end) {
        String decoded = Escapes.decode(text.substring(start, end));
        int[] matched = decoded.codePoints().filter(Character::isLetter).toArray();
        int position = 0;
        for (String word : ENTRY_WORDS.split(entry.replace("*", ""))) {
            int[] letters = word.codePoints().filter(Character::isLetter).toArray();
            boolean capitals = letters.length > 0 && java.util.Arrays.stream(letters).allMatch(Character::isUpperCase);
            // Written as is, or letter by letter in capitals; either counts (a letter the fold ignores, such as a
            // modifier apostrophe, shifts the positions, and then the word as written still decides).
            if (capitals && !decoded.contains(word) && !upperAt(matched, position, letters.length)) {
                return false;
            }
            position += letters.length;
        }
        return true;
    }

    private static boolean upperAt(int[] matched, int from, int count) {
        for (int i = from; i < Math.min(matched.length, from + count); i++) {
            if (!Character.isUpperCase(matched[i]) && !Character.isTitleCase(matched[i])) {
                return false;
            }
        }
        return true;
    }
}
