package org.disclosureguard.scan;

import org.jsoup.nodes.Entities;

/**
 * The context-dependent part of normalization: characters whose fold depends on the characters around them
 * (surrogate pairs, HTML tags and entities, percent and quoted-printable escapes, leetspeak, hyphens at line
 * breaks). Only reached for the characters {@link FoldTable} marks negative, so it favours clarity over speed.
 *
 * <p>Every decode returns a step: {@code (width << 32) | result}, where width is how many chars were consumed
 * (at least 1) and result a letter packet (0: nothing), {@link FoldTable#SPACE}, {@link FoldTable#PUNCT} or
 * {@link FoldTable#BIDI}.
 */
final class MarkupDecoder {

    /** Longest HTML tag we skip; longer "tags" are more likely prose containing a '<'. */
    static final int MAX_TAG_LENGTH = 64;
    /** The longest HTML5 entity name is 31 characters ("CounterClockwiseContourIntegral"). */
    private static final int MAX_ENTITY_NAME = 32;
    private static final int MAX_NUMERIC_DIGITS = 7;
    /** How far past a run of leetspeak characters we look for the letter that makes them letters. */
    private static final int MAX_LEET_RUN = 8;
    /** How much white space may follow a hyphen that breaks a word at a line end. */
    private static final int MAX_BREAK_SPACE = 8;

    private MarkupDecoder() {
    }

    static long step(int width, int result) {
        return ((long) width << 32) | (result & 0xFFFFFFFFL);
    }

    static int result(long step) {
        return (int) step;
    }

    static int width(long step) {
        return (int) (step >>> 32);
    }

    /** Decodes the char at {@code i}, whose table entry was the negative {@code marker}. */
    static long decode(String s, int i, int n, int marker) {
        switch (marker) {
            case FoldTable.HIGH_SURROGATE:
                return surrogatePair(s, i, n);
            case FoldTable.TAG_OPEN:
                return step(htmlTagLength(s, i, n), FoldTable.PUNCT);
            case FoldTable.PERCENT:
                return escaped(s, i, n, '%', false);
            case FoldTable.EQUALS:
                return quotedPrintable(s, i, n);
            case FoldTable.ENTITY:
                return entity(s, i, n);
            case FoldTable.LEET:
                return leet(s, i, n);
            case FoldTable.HYPHEN:
                return hyphen(s, i, n);
            case FoldTable.BIDI:
                return step(1, FoldTable.BIDI);
            default:
                return step(1, marker == FoldTable.SPACE ? FoldTable.SPACE : marker >= 0 ? marker : FoldTable.PUNCT);
        }
    }

    /** The step at {@code i} whatever the char: one table read, or a decode. */
    static long stepAt(String s, int i, int n) {
        int entry = FoldTable.bmp(s.charAt(i));
        if (entry >= 0 || entry == FoldTable.SPACE || entry == FoldTable.PUNCT) {
            return step(1, entry);
        }
        return decode(s, i, n, entry);
    }

    private static long surrogatePair(String s, int i, int n) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
            return step(2, FoldTable.supplementary(Character.toCodePoint(s.charAt(i), s.charAt(i + 1))));
        }
        return step(1, FoldTable.PUNCT);
    }

    /**
     * A digit or symbol is a letter only in a word: when a letter follows it (through more of its kind), or, for
     * a digit or '@', when one precedes it ("c0unsel1n9", "73r@p3u74"). A trailing '!', '|' or '$' stays
     * punctuation ("therapy!").
     */
    private static long leet(String s, int i, int n) {
        if (letterWithin(s, i + 1, Math.min(n, i + 1 + MAX_LEET_RUN), 1)) {
            return step(1, FoldTableBuilder.leetPacket(s.charAt(i)));
        }
        char c = s.charAt(i);
        boolean trailingLetterLike = c >= '0' && c <= '9' || c == '@';
        if (trailingLetterLike && letterWithin(s, i - 1, Math.max(-1, i - 1 - MAX_LEET_RUN), -1)) {
            return step(1, FoldTableBuilder.leetPacket(c));
        }
        return step(1, FoldTable.PUNCT);
    }

    /** Whether a letter is reached from {@code from} towards {@code limit} (exclusive) through leetspeak chars only. */
    private static boolean letterWithin(String s, int from, int limit, int direction) {
        for (int j = from; j != limit; j += direction) {
            int entry = FoldTable.bmp(s.charAt(j));
            if (entry > 0) {
                return true;
            }
            if (entry != FoldTable.LEET) {
                return false;
            }
        }
        return false;
    }

    /**
     * A hyphen right after a letter, followed by white space that holds a line break (or a single space), and
     * then a letter: a word broken at a line end, as copied out of a PDF ("thera-\npy"). The hyphen and the
     * space are then nothing, so the word stays whole. Anything else is punctuation.
     */
    private static long hyphen(String s, int i, int n) {
        if (i == 0 || FoldTable.bmp(s.charAt(i - 1)) <= 0) {
            return step(1, FoldTable.PUNCT);
        }
        int j = i + 1;
        int limit = Math.min(n, j + MAX_BREAK_SPACE);
        boolean lineBreak = false;
        while (j < limit && FoldTable.bmp(s.charAt(j)) == FoldTable.SPACE) {
            lineBreak |= s.charAt(j) == '\n' || s.charAt(j) == '\r';
            j++;
        }
        int spaces = j - i - 1;
        boolean broken = spaces > 0 && (lineBreak || spaces == 1) && j < n && FoldTable.bmp(s.charAt(j)) > 0;
        return broken ? step(j - i, FoldTable.HYPHEN_JOIN) : step(1, FoldTable.PUNCT);
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
     * Quoted-printable: "=\n" (a soft line break) is nothing, and "=74" decodes like a percent escape, but only
     * inside a run of at least two escapes ("=74=68"), so that "score=45" stays a score.
     */
    private static long quotedPrintable(String s, int i, int n) {
        if (i + 1 < n && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
            int width = s.charAt(i + 1) == '\r' && i + 2 < n && s.charAt(i + 2) == '\n' ? 3 : 2;
            return step(width, LetterPacket.EMPTY);
        }
        boolean inRun = escapedByte(s, i + 3, n, '=') >= 0 || i >= 3 && escapedByte(s, i - 3, n, '=') >= 0;
        return inRun ? escaped(s, i, n, '=', true) : step(1, FoldTable.PUNCT);
    }

    /**
     * "%74" → 't', and the UTF-8 escapes of a non-ASCII character as an encoder writes them: "%C3%B3" → 'ó'.
     * Only complete, well-formed UTF-8 sequences are decoded; anything else leaves the escape char as
     * punctuation.
     */
    private static long escaped(String s, int i, int n, char escape, boolean anyAscii) {
        int lead = escapedByte(s, i, n, escape);
        if (lead < 0) {
            return step(1, FoldTable.PUNCT);
        }
        if (lead < 0x80) {
            char decoded = (char) lead;
            boolean wordChar = isAsciiLetter(decoded) || isAsciiDigit(decoded);
            return wordChar || anyAscii ? step(3, FoldTable.resolved(decoded)) : step(1, FoldTable.PUNCT);
        }
        int continuations = lead >= 0xF0 && lead <= 0xF4 ? 3 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xC2 && lead <= 0xDF ? 1 : -1;
        if (continuations < 0) {
            return step(1, FoldTable.PUNCT);
        }
        int codePoint = lead & (0x3F >> continuations);
        int at = i + 3;
        for (int k = 1; k <= continuations; k++) {
            at = escape == '=' ? afterSoftBreaks(s, at, n) : at;
            int next = escapedByte(s, at, n, escape);
            if (next < 0x80 || next > 0xBF) {
                return step(1, FoldTable.PUNCT);
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
            at += 3;
        }
        if (!Character.isValidCodePoint(codePoint)) {
            return step(1, FoldTable.PUNCT);
        }
        return step(at - i, FoldTable.resolved(codePoint));
    }

    /** Quoted-printable wraps lines with "=" + line break, even inside a character's bytes: skip those. */
    private static int afterSoftBreaks(String s, int i, int n) {
        while (i + 1 < n && s.charAt(i) == '=' && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
            i += s.charAt(i + 1) == '\r' && i + 2 < n && s.charAt(i + 2) == '\n' ? 3 : 2;
        }
        return i;
    }

    /** The byte of the escape "%XX" (or "=XX") at {@code i}, or -1 if there is none. */
    private static int escapedByte(String s, int i, int n, char escape) {
        if (i < 0 || i + 2 >= n || s.charAt(i) != escape) {
            return -1;
        }
        char high = s.charAt(i + 1);
        char low = s.charAt(i + 2);
        return isAsciiHex(high) && isAsciiHex(low) ? Character.digit(high, 16) * 16 + Character.digit(low, 16) : -1;
    }

    /** "&amp;#116;", "&amp;#x74;", and every HTML5 named entity; an unknown entity leaves the '&amp;' as punctuation. */
    private static long entity(String s, int i, int n) {
        int nameStart = i + 1;
        if (nameStart < n && s.charAt(nameStart) == '#') {
            return numericEntity(s, i, n);
        }
        int j = nameStart;
        int limit = Math.min(n, nameStart + MAX_ENTITY_NAME + 1);
        while (j < limit && (isAsciiLetter(s.charAt(j)) || isAsciiDigit(s.charAt(j)))) {
            j++;
        }
        int nameLength = j - nameStart;
        if (nameLength == 0 || j >= n || s.charAt(j) != ';') {
            return step(1, FoldTable.PUNCT);
        }
        String value = Entities.getByName(s.substring(nameStart, j));
        if (value == null || value.isEmpty()) {
            return step(1, FoldTable.PUNCT);
        }
        return step(nameLength + 2, foldOf(value));
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
            return step(1, FoldTable.PUNCT);
        }
        return step(j - i + 1, FoldTable.resolved(value));
    }

    /** The fold of a decoded string (an entity can stand for two code points): its letters, else its kind. */
    private static int foldOf(String value) {
        int packet = LetterPacket.EMPTY;
        int kind = LetterPacket.EMPTY;
        for (int k = 0; k < value.length(); ) {
            int cp = value.codePointAt(k);
            k += Character.charCount(cp);
            int folded = FoldTable.resolved(cp);
            if (folded > 0) {
                packet = LetterPacket.appendAll(packet, folded);
            } else if (folded < 0 && kind != FoldTable.SPACE) {
                kind = folded;
            }
        }
        return packet != LetterPacket.EMPTY ? packet : kind;
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
