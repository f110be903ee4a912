package org.disclosureguard.language;

/**
 * Tells the chunks of structured text (HL7 v2 segments, JSON and XML, key=value log lines, CSV rows) from prose: a
 * chunk (a run without white space) is machine text when it holds a character prose does not put inside a word
 * (| ^ = { } [ ] < > \ ~), a JSON key ({@code ":}), or a comma or semicolon with no space after it. Its unknown
 * words are keys, codes and identifiers ("resourceType", "MSH", "session_id"), not words of a language: counting
 * them made HL7 messages and FHIR resources read as Sesotho or Latin.
 */
final class MachineText {

    /** A prose value read by the detector must keep at least this many letters; else it reads the text as it is. */
    static final int MIN_PROSE_LETTERS = 20;

    private MachineText() {
    }

    /** The end (exclusive) of the chunk that starts at {@code from}: the next white space, or the end of the text. */
    static int chunkEnd(CharSequence s, int from) {
        int end = from;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Whether the chunk {@code [from, to)} is a piece of structured text rather than a word of prose. */
    static boolean isMachine(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|', '^', '=', '{', '}', '[', ']', '<', '>', '\\', '~':
                    return true;
                case '"':
                    if (i + 1 < to && s.charAt(i + 1) == ':') {
                        return true;
                    }
                    break;
                case ',', ';':
                    // "a,b" and "x;y" are fields; "1,5" is a number and "well, then" prose
                    boolean inNumber = i > from && Character.isDigit(s.charAt(i - 1)) && i + 1 < to && Character.isDigit(s.charAt(i + 1));
                    if (i + 1 < to && !inNumber) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** The text without its machine chunks (for the detector), or the text itself when too little prose is left. */
    static String prose(String text) {
        StringBuilder prose = new StringBuilder(text.length());
        int letters = 0;
        boolean machine = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                prose.append(c);
                i++;
                continue;
            }
            int end = chunkEnd(text, i);
            if (isMachine(text, i, end)) {
                machine = true;
            } else {
                for (int j = i; j < end; j++) {
                    letters += Character.isLetter(text.charAt(j)) ? 1 : 0;
                }
                prose.append(text, i, end);
            }
            i = end;
        }
        return !machine || letters < MIN_PROSE_LETTERS ? text : prose.toString();
    }
}
