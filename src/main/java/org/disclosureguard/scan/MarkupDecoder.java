package org.disclosureguard.scan;

/**
 * The context-dependent part of normalization: characters whose fold depends on what follows
 * them (surrogate pairs, HTML tags, HTML entities, percent-encoding). Only reached for the rare
 * characters {@link FoldTable} marks negative, so it favours clarity over speed, but it never
 * allocates.
 *
 * <p>Every decode returns a step: {@code (width << 32) | packet}, where width is how many chars
 * were consumed (at least 1) and packet the letters they produce.
 */
final class MarkupDecoder {

    /** Longest HTML tag we skip; longer "tags" are more likely prose containing a '<'. */
    static final int MAX_TAG_LENGTH = 64;
    private static final int MAX_ENTITY_NAME = 10;
    private static final int MAX_NUMERIC_DIGITS = 7;

    /** Named entities the letter + accent pattern does not cover, with their letters. */
    private static final String[] NAMED_ENTITIES = {
        "szlig", "ss", "aelig", "ae", "AElig", "ae", "oelig", "oe", "OElig", "oe",
        "thorn", "th", "THORN", "th", "eth", "d", "ETH", "d", "oslash", "o", "Oslash", "o",
        "nbsp", "", "shy", "", "zwj", "", "zwnj", "", "amp", "", "lt", "", "gt", "",
        "quot", "", "apos", "", "ndash", "", "mdash", "", "hellip", "", "middot", "",
    };
    /** Accent suffixes of entities named letter + accent (&amp;ntilde;, &amp;Uuml; …). */
    private static final String[] ACCENT_SUFFIXES = {
        "acute", "grave", "circ", "tilde", "uml", "cedil", "ring", "slash", "caron", "macr",
    };
    private static final int[] NAMED_ENTITY_PACKETS = new int[NAMED_ENTITIES.length / 2];

    static {
        for (int i = 0; i < NAMED_ENTITY_PACKETS.length; i++) {
            NAMED_ENTITY_PACKETS[i] = LetterPacket.ofLetters(NAMED_ENTITIES[2 * i + 1]);
        }
    }

    private MarkupDecoder() {
    }

    static long step(int width, int packet) {
        return ((long) width << 32) | (packet & 0xFFFFFFFFL);
    }

    /** Decodes the char at {@code i}, whose table entry was the negative {@code marker}. */
    static long decode(String s, int i, int n, int marker) {
        switch (marker) {
            case FoldTable.HIGH_SURROGATE:
                return surrogatePair(s, i, n);
            case FoldTable.TAG_OPEN:
                return step(htmlTagLength(s, i, n), LetterPacket.EMPTY);
            case FoldTable.PERCENT:
                return percentEncoded(s, i, n);
            case FoldTable.ENTITY:
                return entity(s, i, n);
            default:
                return step(1, LetterPacket.EMPTY);
        }
    }

    private static long surrogatePair(String s, int i, int n) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
            return step(2, FoldTable.codePoint(Character.toCodePoint(s.charAt(i), s.charAt(i + 1))));
        }
        return step(1, LetterPacket.EMPTY);
    }

    /**
     * Length of an HTML tag starting at {@code i}, or 1 (just the '<') if it is not one.
     * A tag is '<', an optional '/', a letter, name chars, then '>', '/' or whitespace, closed by
     * '>' within {@link #MAX_TAG_LENGTH}. Requiring a clean tag name keeps "&lt;kid@therapy.org&gt;"
     * and "&lt;https://…&gt;" visible to the scanner.
     */
    private static int htmlTagLength(String s, int i, int n) {
        int limit = Math.min(n, i + MAX_TAG_LENGTH);
        int j = i + 1;
        if (j < limit && s.charAt(j) == '/') {
            j++;
        }
        if (j >= limit || !isAsciiLetter(s.charAt(j))) {
            return 1;
        }
        while (j < limit && (isAsciiLetter(s.charAt(j)) || isAsciiDigit(s.charAt(j)) || s.charAt(j) == '-')) {
            j++;
        }
        if (j >= limit) {
            return 1;
        }
        char afterName = s.charAt(j);
        if (afterName != '>' && afterName != '/' && !Character.isWhitespace(afterName)) {
            return 1;
        }
        for (; j < limit; j++) {
            char c = s.charAt(j);
            if (c == '>') {
                return j - i + 1;
            }
            if (c == '<') {
                return 1;
            }
        }
        return 1;
    }

    /**
     * "%74" → 't', and the UTF-8 escapes of a non-ASCII letter as a URL encoder writes them: "%C3%B3" → 'ó'.
     * Only ASCII letters and digits and complete, well-formed UTF-8 sequences are decoded; anything else
     * leaves the '%' as punctuation.
     */
    private static long percentEncoded(String s, int i, int n) {
        int lead = escapedByte(s, i, n);
        if (lead < 0) {
            return step(1, LetterPacket.EMPTY);
        }
        if (lead < 0x80) {
            char decoded = (char) lead;
            return isAsciiLetter(decoded) || isAsciiDigit(decoded)
                    ? step(3, FoldTable.codePoint(decoded)) : step(1, LetterPacket.EMPTY);
        }
        int continuations = lead >= 0xF0 && lead <= 0xF4 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC2 && lead <= 0xDF ? 1 : -1;
        if (continuations < 0 || lead > 0xF4) {
            return step(1, LetterPacket.EMPTY);
        }
        int codePoint = lead & (0x3F >> continuations);
        for (int k = 1; k <= continuations; k++) {
            int next = escapedByte(s, i + 3 * k, n);
            if (next < 0x80 || next > 0xBF) {
                return step(1, LetterPacket.EMPTY);
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (!Character.isValidCodePoint(codePoint)) {
            return step(1, LetterPacket.EMPTY);
        }
        return step(3 * (continuations + 1), FoldTable.codePoint(codePoint));
    }

    /** The byte of the escape "%XX" at {@code i}, or -1 if there is none. */
    private static int escapedByte(String s, int i, int n) {
        if (i + 2 >= n || s.charAt(i) != '%') {
            return -1;
        }
        char high = s.charAt(i + 1);
        char low = s.charAt(i + 2);
        return isAsciiHex(high) && isAsciiHex(low) ? Character.digit(high, 16) * 16 + Character.digit(low, 16) : -1;
    }

    /** "&amp;#116;", "&amp;#x74;", "&amp;eacute;" …; an unknown entity leaves the '&amp;' as punctuation. */
    private static long entity(String s, int i, int n) {
        int nameStart = i + 1;
        if (nameStart < n && s.charAt(nameStart) == '#') {
            return numericEntity(s, i, n);
        }
        int j = nameStart;
        int limit = Math.min(n, nameStart + MAX_ENTITY_NAME + 1);
        while (j < limit && isAsciiLetter(s.charAt(j))) {
            j++;
        }
        int nameLength = j - nameStart;
        if (nameLength == 0 || j >= limit || s.charAt(j) != ';') {
            return step(1, LetterPacket.EMPTY);
        }
        int width = nameLength + 2;
        for (int k = 0; k < NAMED_ENTITY_PACKETS.length; k++) {
            String name = NAMED_ENTITIES[2 * k];
            if (name.length() == nameLength && s.startsWith(name, nameStart)) {
                return step(width, NAMED_ENTITY_PACKETS[k]);
            }
        }
        for (String suffix : ACCENT_SUFFIXES) {
            if (nameLength == suffix.length() + 1 && s.startsWith(suffix, nameStart + 1)) {
                return step(width, FoldTable.codePoint(s.charAt(nameStart)));
            }
        }
        return step(1, LetterPacket.EMPTY);
    }

    private static long numericEntity(String s, int i, int n) {
        int j = i + 2;
        int radix = 10;
        if (j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X')) {
            radix = 16;
            j++;
        }
        int digitsStart = j;
        int value = 0;
        while (j < n && j - digitsStart < MAX_NUMERIC_DIGITS) {
            char c = s.charAt(j);
            int digit = isAsciiHex(c) ? Character.digit(c, radix) : -1;
            if (digit < 0) {
                break;
            }
            value = value * radix + digit;
            j++;
        }
        if (j == digitsStart || j >= n || s.charAt(j) != ';' || value > Character.MAX_CODE_POINT) {
            return step(1, LetterPacket.EMPTY);
        }
        return step(j - i + 1, FoldTable.codePoint(value));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiHex(char c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
