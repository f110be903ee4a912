package org.disclosureguard.scan;

/**
 * The precomputed per-character fold: for every code point, what it contributes to the scanner's symbol stream.
 * Built once at class init (see {@link FoldTableBuilder}); lookups are plain array reads.
 *
 * <p>An entry is either a {@link LetterPacket} (&gt; 0: letters; 0: ignorable, i.e. nothing at all, not even a word
 * break: combining marks, default-ignorable code points) or one of the negative markers below. {@link #SPACE} and
 * {@link #PUNCT} end a word; the others need a look at the characters around them ({@link MarkupDecoder}).
 */
final class FoldTable {

    /** ASCII '&lt;': may open an HTML tag, skipped whole (as punctuation). */
    static final int TAG_OPEN = -1;
    /** ASCII '%': may start a percent-encoded byte. */
    static final int PERCENT = -2;
    /** ASCII '&amp;': may start an HTML entity. */
    static final int ENTITY = -3;
    /** A high surrogate: the code point needs the low surrogate too. */
    static final int HIGH_SURROGATE = -4;
    /** White space: ends a word and a chunk (a run of text between white space). */
    static final int SPACE = -5;
    /** Punctuation, symbols, digits that stand for nothing: ends a word, but not the chunk. */
    static final int PUNCT = -6;
    /** A digit or symbol that leetspeak uses for a letter ("c0unsel1ng"): a letter only when a letter follows. */
    static final int LEET = -7;
    /** A hyphen: joins a word broken at a line end ("thera-\npy"), otherwise punctuation. */
    static final int HYPHEN = -8;
    /** ASCII '=': may start a quoted-printable escape ("=74=68"). */
    static final int EQUALS = -9;
    /** An explicit bidirectional formatting control (embedding, override, isolate): ignorable, but reported. */
    static final int BIDI = -10;
    /**
     * A decoded hyphen at a line break that joins the word around it ("thera-\npy"); a result of
     * {@link MarkupDecoder}, never a table entry. Ignorable, but the text is also read with it as a separator
     * ("therapy-\n session").
     */
    static final int HYPHEN_JOIN = -11;

    /** Script classes, for mixed-script words: a letter of Latin, of a script whose letters pass for Latin, or neither. */
    static final byte SCRIPT_NEUTRAL = 0;
    static final byte SCRIPT_LATIN = 1;
    static final byte SCRIPT_OTHER = 2;

    private static final int SUPPLEMENTARY_FIRST = 0x10000;
    private static final int SUPPLEMENTARY_END = 0x20000;
    /** Tags (U+E0000..) and variation selectors supplement (U+E0100..): default-ignorable. */
    private static final int IGNORABLE_PLANE_FIRST = 0xE0000;
    private static final int IGNORABLE_PLANE_END = 0xE1000;

    private static final int[] BMP;
    private static final byte[] BMP_SCRIPT;
    private static final int[] SUPPLEMENTARY;
    private static final byte[] SUPPLEMENTARY_SCRIPT;

    static {
        FoldTableBuilder builder = new FoldTableBuilder();
        BMP = builder.buildRange(0, 0x10000);
        BMP_SCRIPT = builder.scriptRange(0, 0x10000);
        SUPPLEMENTARY = builder.buildRange(SUPPLEMENTARY_FIRST, SUPPLEMENTARY_END);
        SUPPLEMENTARY_SCRIPT = builder.scriptRange(SUPPLEMENTARY_FIRST, SUPPLEMENTARY_END);
        BMP['<'] = TAG_OPEN;
        BMP['%'] = PERCENT;
        BMP['&'] = ENTITY;
        BMP['='] = EQUALS;
        BMP['-'] = HYPHEN;
        BMP['\u2010'] = HYPHEN;
        BMP['\u2011'] = HYPHEN;
        for (char c : FoldTableBuilder.LEET_FROM.toCharArray()) {
            BMP[c] = LEET;
        }
        for (int c = Character.MIN_HIGH_SURROGATE; c <= Character.MAX_HIGH_SURROGATE; c++) {
            BMP[c] = HIGH_SURROGATE;
        }
    }

    private FoldTable() {
    }

    /** Packet or marker for a UTF-16 char. */
    static int bmp(char c) {
        return BMP[c];
    }

    /** Script class of a UTF-16 char. */
    static byte script(char c) {
        return BMP_SCRIPT[c];
    }

    /**
     * The fold of a code point met inside something already decoded (an entity, an escape): a packet (letters,
     * or 0 for ignorable), {@link #SPACE} or {@link #PUNCT}; never a context marker. Leetspeak characters
     * count as their letter here (an escaped "1" was written on purpose).
     */
    static int resolved(int cp) {
        if (cp < 0) {
            return PUNCT;
        }
        if (cp < 0x10000) {
            int entry = BMP[cp];
            if (entry >= 0 || entry == SPACE || entry == PUNCT) {
                return entry;
            }
            if (entry == LEET) {
                return FoldTableBuilder.leetPacket(cp);
            }
            return entry == BIDI ? LetterPacket.EMPTY : PUNCT;
        }
        return supplementary(cp);
    }

    /** Fold of a supplementary code point: a packet, {@link #SPACE} or {@link #PUNCT}. */
    static int supplementary(int cp) {
        if (cp >= SUPPLEMENTARY_FIRST && cp < SUPPLEMENTARY_END) {
            return SUPPLEMENTARY[cp - SUPPLEMENTARY_FIRST];
        }
        if (cp >= IGNORABLE_PLANE_FIRST && cp < IGNORABLE_PLANE_END) {
            return LetterPacket.EMPTY;
        }
        // Ideographs of the higher planes: letters of no Latin look, so nothing (like the BMP's ideographs).
        return Character.isLetter(cp) ? LetterPacket.EMPTY : PUNCT;
    }

    static byte supplementaryScript(int cp) {
        if (cp >= SUPPLEMENTARY_FIRST && cp < SUPPLEMENTARY_END) {
            return SUPPLEMENTARY_SCRIPT[cp - SUPPLEMENTARY_FIRST];
        }
        return SCRIPT_NEUTRAL;
    }
}
