package org.disclosureguard.scan;

/**
 * The precomputed per-character fold: for every BMP char and every letter-like supplementary
 * code point, the letter packet it normalizes to. Built once at class init (see
 * {@link FoldTableBuilder}); lookups are plain array reads.
 *
 * <p>BMP entries are either a {@link LetterPacket} (>= 0) or one of the negative markers below,
 * for characters whose meaning depends on what follows them.
 */
final class FoldTable {

    /** ASCII '<': may open an HTML tag that should be skipped whole. */
    static final int TAG_OPEN = -1;
    /** ASCII '%': may start a percent-encoded byte. */
    static final int PERCENT = -2;
    /** ASCII '&amp;': may start an HTML entity. */
    static final int ENTITY = -3;
    /** A high surrogate: the code point needs the low surrogate too. */
    static final int HIGH_SURROGATE = -4;

    /**
     * The only supplementary code points that fold to letters: mathematical alphanumerics
     * (U+1D400..), enclosed alphanumerics (U+1F100..) and segmented digits (U+1FBF0..), as found
     * by folding every supplementary code point against the JDK 17 Unicode data.
     */
    private static final int SUPPLEMENTARY_FIRST = 0x1D400;
    private static final int SUPPLEMENTARY_END = 0x1FC00;

    private static final int[] BMP;
    private static final int[] SUPPLEMENTARY;

    static {
        FoldTableBuilder builder = new FoldTableBuilder();
        BMP = builder.buildBmp();
        SUPPLEMENTARY = builder.buildRange(SUPPLEMENTARY_FIRST, SUPPLEMENTARY_END);
        BMP['<'] = TAG_OPEN;
        BMP['%'] = PERCENT;
        BMP['&'] = ENTITY;
        for (int c = Character.MIN_HIGH_SURROGATE; c <= Character.MAX_HIGH_SURROGATE; c++) {
            BMP[c] = HIGH_SURROGATE;
        }
    }

    private FoldTable() {
    }

    /** Packet or negative marker for a UTF-16 char. */
    static int bmp(char c) {
        return BMP[c];
    }

    /** Packet (never a marker) for any code point; markup characters fold to nothing. */
    static int codePoint(int cp) {
        if (cp < BMP.length) {
            return Math.max(LetterPacket.EMPTY, BMP[cp]);
        }
        if (cp >= SUPPLEMENTARY_FIRST && cp < SUPPLEMENTARY_END) {
            return SUPPLEMENTARY[cp - SUPPLEMENTARY_FIRST];
        }
        return LetterPacket.EMPTY;
    }
}
