package org.disclosureguard.language;

/**
 * Tells the chunks of structured text (HL7 v2 segments, JSON and XML, key=value log lines, CSV rows) from prose: a
 * chunk (a run without white space) is machine text when it holds a character prose does not put inside a word
 * (| ^ = { } [ ] < > \ ~), a JSON key ({@code ":}), a comma or semicolon with no space after it, an e-mail
 * address or handle ({@code @}) or a web address ({@code ://}). Its unknown
 * words are keys, codes and identifiers ("resourceType", "MSH", "session_id"), not words of a language: counting
 * them made HL7 messages and FHIR resources read as Sesotho or Latin.
 */
final class MachineText {

    /** A prose value read by the detector must keep at least this many letters; else it reads the text as it is. */
    static final int MIN_PROSE_LETTERS = 20;

    private MachineText() {
    }

    /**
     * The chunk that starts at {@code from}, read once: its end (exclusive; the next white space or the end of the
     * text), or {@code ~end} (negative) when it is machine text.
     */
    static int chunk(CharSequence s, int from) {
        int n = s.length();
        boolean machine = false;
        int i = from;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (separates(c)) {
                break;
            }
            if (!machine && c < 0x80 && MARKS[c]) {
                machine = isMachineAt(s, from, i, c);
            }
        }
        return machine ? ~i : i;
    }

    /** ASCII characters that can make a chunk machine text (some only with what follows them). */
    private static final boolean[] MARKS = new boolean[0x80];

    static {
        for (char c : "|^={}[]<>\\~\",;@/".toCharArray()) {
            MARKS[c] = true;
        }
    }

    private static boolean isMachineAt(CharSequence s, int from, int i, char c) {
        switch (c) {
            case '"':
                return i + 1 < s.length() && s.charAt(i + 1) == ':';
            case '@':
                // an e-mail address or a handle: "helpdesk@shelter.example.org", "@maria_g" (not a lone "@" or "@ 3pm")
                return i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1));
            case '/':
                // a web address: "https://..." (a date, "and/or" or a bare "example.org/path" is not machine text)
                return i > from && s.charAt(i - 1) == ':' && i + 1 < s.length() && s.charAt(i + 1) == '/';
            case ',', ';':
                // "a,b" and "x;y" are fields; "1,5" is a number and "well, then" prose
                if (i + 1 >= s.length() || separates(s.charAt(i + 1))) {
                    return false;
                }
                return !(i > from && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1)));
            default:
                return true;
        }
    }

    /**
     * Whether a char ends a chunk: white space and every control character (a chunk must never be empty, or a reader
     * that steps from chunk to chunk would stand still on a control character that is not white space).
     */
    static boolean separates(char c) {
        return c <= ' ' || c == 0x7F || c > 0x7F && (Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** The text without its machine chunks (for the detector), or the text itself when too little prose is left. */
    static String prose(String text) {
        StringBuilder prose = new StringBuilder(text.length());
        int letters = 0;
        boolean machine = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (separates(c)) {
                prose.append(c);
                i++;
                continue;
            }
            int chunk = chunk(text, i);
            int end = chunk < 0 ? ~chunk : chunk;
            if (chunk < 0) {
                machine = true;
            } else {
                for (int j = i; j < end; j++) {
                    letters += Character.isLetter(text.charAt(j)) ? 1 : 0;
                }
                prose.append(text, i, end);
            }
            i = Math.max(end, i + 1); // a chunk is never empty; said again so that no input can stall this loop
        }
        return !machine || letters < MIN_PROSE_LETTERS ? text : prose.toString();
    }
}
