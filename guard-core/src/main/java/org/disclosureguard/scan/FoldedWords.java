package org.disclosureguard.scan;

import java.util.Arrays;

/**
 * The words of a text as the content scan reads its letters: folded through the same {@link FoldTable} and
 * {@link MarkupDecoder} (case, accents, confusables from every script, ignorables, entities and escapes, leetspeak
 * inside words, words broken at a line end), each word a run of letters between separators, reduced to a 64-bit
 * hash and its source span. Digits alone and punctuation separate words; the apostrophe too ("didn't" is "didn" and
 * "t", on both sides of a model). Used by the text classifier, which needs words, not terms.
 *
 * <p>Hashes are FNV-1a over the folded letters, so a word written in a model file ("opened", "up") hashes the
 * same as the word read in a text, whichever look-alikes it was written with.
 */
public final class FoldedWords {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Letters past this many in one word are not read (in the hash and the folded word alike): no word is longer. */
    private static final int MAX_WORD_LETTERS = 40;

    private long[] hashes;
    private int[] starts;
    private int[] ends;
    private int count;

    private FoldedWords(int capacity) {
        hashes = new long[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

    /** The words of {@code text}, in order; never throws on any string. */
    public static FoldedWords of(CharSequence text) {
        FoldedWords words = new FoldedWords(Math.max(8, text.length() / 5));
        words.read(text);
        return words;
    }

    public int count() {
        return count;
    }

    public long hash(int i) {
        return hashes[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** The hash of a word already folded to the letters a-z (as a model file writes it). */
    public static long hash(String foldedLetters) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < foldedLetters.length(); i++) {
            char c = foldedLetters.charAt(i);
            if (c < 'a' || c > 'z') {
                throw new IllegalArgumentException("not a folded word (letters a-z only): '" + foldedLetters + "'");
            }
            hash = (hash ^ c) * FNV_PRIME;
        }
        return hash;
    }

    /** The hash of two words in a row; never equal to a single word's hash in practice (a different mix). */
    public static long pair(long first, long second) {
        long mixed = first * 0x9E3779B97F4A7C15L + Long.rotateLeft(second, 31);
        mixed ^= mixed >>> 29;
        mixed *= 0xBF58476D1CE4E5B9L;
        return mixed ^ (mixed >>> 32);
    }

    /** The folded letters of word {@code i} of {@code text} (which must be the text these words were read from). */
    public String folded(CharSequence text, int i) {
        String s = text.toString();
        StringBuilder out = new StringBuilder(ends[i] - starts[i]);
        for (int at = starts[i]; at < ends[i]; ) {
            long step = MarkupDecoder.stepAt(s, at, s.length());
            int entry = MarkupDecoder.result(step);
            for (int packet = entry; packet > 0 && out.length() < MAX_WORD_LETTERS; packet >>>= LetterPacket.BITS_PER_LETTER) {
                out.append((char) ('a' + (packet & LetterPacket.FIELD_MASK) - 1));
            }
            at += Math.max(1, MarkupDecoder.width(step));
        }
        return out.toString();
    }

    /**
     * Reads the text a step at a time as the scan does ({@link MarkupDecoder#stepAt}: entities, escapes, leetspeak
     * inside words, a word broken at a line end), so the classifier's words are the scan's words.
     */
    private void read(CharSequence text) {
        String s = text.toString();
        long hash = FNV_OFFSET;
        int letters = 0;
        int wordStart = -1;
        int length = s.length();
        for (int at = 0; at < length; ) {
            long step = MarkupDecoder.stepAt(s, at, length);
            int entry = MarkupDecoder.result(step);
            int next = at + Math.max(1, MarkupDecoder.width(step));
            if (entry >= 0 || entry == FoldTable.HYPHEN_JOIN) {
                // Letters; an ignorable (packet 0) or a line-end hyphen continues the word without adding to it.
                if (wordStart < 0) {
                    wordStart = at;
                }
                for (int packet = entry; packet > 0 && letters < MAX_WORD_LETTERS; packet >>>= LetterPacket.BITS_PER_LETTER) {
                    hash = (hash ^ ('a' + (packet & LetterPacket.FIELD_MASK) - 1)) * FNV_PRIME;
                    letters++;
                }
            } else {
                if (letters > 0) {
                    add(hash, wordStart, at);
                }
                hash = FNV_OFFSET;
                letters = 0;
                wordStart = -1;
            }
            at = next;
        }
        if (letters > 0) {
            add(hash, wordStart, length);
        }
    }

    private void add(long hash, int start, int end) {
        if (count == hashes.length) {
            int grown = count * 2;
            hashes = Arrays.copyOf(hashes, grown);
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
        }
        hashes[count] = hash;
        starts[count] = start;
        ends[count] = end;
        count++;
    }
}
