package org.disclosureguard.scan;

/**
 * Up to six normalized letters packed into one int, so a table lookup can yield a whole
 * expansion (ß → "ss", ﬃ → "ffi") without allocating.
 *
 * <p>Each letter occupies 5 bits holding {@code letter + 1} (1..26); a zero field ends the
 * packet, so the packet {@code 0} means "no letters". Letters are read lowest field first.
 * Negative values are never packets; {@link FoldTable} uses them as markers.
 */
final class LetterPacket {

    static final int EMPTY = 0;
    static final int MAX_LETTERS = 6;
    static final int BITS_PER_LETTER = 5;
    static final int FIELD_MASK = 31;

    private LetterPacket() {
    }

    static int count(int packet) {
        int count = 0;
        while (packet != 0) {
            count++;
            packet >>>= BITS_PER_LETTER;
        }
        return count;
    }

    /** Appends a letter; a full packet is returned unchanged (longer expansions are truncated). */
    static int append(int packet, int letter) {
        int count = count(packet);
        if (count == MAX_LETTERS) {
            return packet;
        }
        return packet | ((letter + 1) << (BITS_PER_LETTER * count));
    }

    static int appendAll(int packet, int other) {
        while (other != 0) {
            packet = append(packet, (other & FIELD_MASK) - 1);
            other >>>= BITS_PER_LETTER;
        }
        return packet;
    }

    /** Packet for a string of ASCII letters a-z (used by table builders only). */
    static int ofLetters(String lowerAsciiLetters) {
        int packet = EMPTY;
        for (int i = 0; i < lowerAsciiLetters.length(); i++) {
            packet = append(packet, lowerAsciiLetters.charAt(i) - 'a');
        }
        return packet;
    }

    static void appendTo(StringBuilder out, int packet) {
        while (packet != 0) {
            out.append((char) ('a' + (packet & FIELD_MASK) - 1));
            packet >>>= BITS_PER_LETTER;
        }
    }
}
