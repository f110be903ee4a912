package org.disclosureguard.scan;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Computes the fold of each code point once, at class init. The per-record path never calls
 * {@link Normalizer}; it only reads the arrays built here.
 *
 * <p>Fold of a code point: take its NFKD decomposition (strips accents, unfolds fullwidth,
 * mathematical, superscript, circled and ligature forms), then map each resulting code point:
 * ASCII letters to lower case; look-alike letters of other scripts and Latin letters that NFKD
 * leaves alone (ø, ł, ß, small capitals …) to their ASCII twin; leetspeak digits and symbols to
 * the letter they stand for; everything else to nothing.
 */
final class FoldTableBuilder {

    /** Characters that stand in for letters; only their ASCII forms are listed (NFKD reaches them). */
    private static final String LEET_FROM = "0134578@$|!69";
    private static final String LEET_TO = "oieastbasligg";

    /**
     * Look-alikes NFKD does not reduce to ASCII. Keys are exact characters: no case folding is
     * applied, because a capital and its lower case can resemble different letters (Greek Η/η).
     */
    private static final Map<Integer, String> LOOK_ALIKES = new HashMap<>();

    static {
        // Cyrillic, both cases.
        lookAlikes("аАвВеЕкКмМнНоОрРсСтТуУхХіІјЈѕЅүҮһҺԁԀԛԚԝԜӏӀ",
                "aabbeekkmmhhooppccttyyxxiijjssyyhhddqqwwll");
        // Greek capitals that look like Latin capitals.
        lookAlikes("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "abezhikmnoptyx");
        // Greek small letters that look like Latin small letters.
        lookAlikes("αβεικνορτυχγηωϲϳ", "abeikvoptuxynwcj");
        // Armenian.
        lookAlikes("օՕսՍհոցզ", "oouuhngq");
        // Latin letters without a decomposition.
        LOOK_ALIKES.put((int) 'ß', "ss");
        LOOK_ALIKES.put((int) 'ẞ', "ss");
        LOOK_ALIKES.put((int) 'æ', "ae");
        LOOK_ALIKES.put((int) 'Æ', "ae");
        LOOK_ALIKES.put((int) 'œ', "oe");
        LOOK_ALIKES.put((int) 'Œ', "oe");
        LOOK_ALIKES.put((int) 'þ', "th");
        LOOK_ALIKES.put((int) 'Þ', "th");
        lookAlikes("ðÐɑŋŊĸ", "ddannk");
    }

    private static void lookAlikes(String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalStateException("look-alike table misaligned: " + from);
        }
        for (int i = 0; i < from.length(); i++) {
            LOOK_ALIKES.put((int) from.charAt(i), String.valueOf(to.charAt(i)));
        }
    }

    int[] buildBmp() {
        return buildRange(0, 0x10000);
    }

    int[] buildRange(int first, int end) {
        int[] table = new int[end - first];
        for (int cp = first; cp < end; cp++) {
            table[cp - first] = fold(cp);
        }
        return table;
    }

    private int fold(int cp) {
        if (cp < 0x80) {
            return LetterPacket.ofLetters(canonical(foldSingle(cp)));
        }
        if (!Character.isDefined(cp) || cp <= 0xFFFF && Character.isSurrogate((char) cp) || isLargeForeignScript(cp)) {
            return LetterPacket.EMPTY;
        }
        // Look-alikes first: NFKD can turn one into a character that folds to nothing (Greek ϲ becomes ς).
        String lookAlike = LOOK_ALIKES.get(cp);
        if (lookAlike != null) {
            return LetterPacket.ofLetters(canonical(lookAlike));
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        int packet = LetterPacket.EMPTY;
        for (int i = 0; i < decomposed.length(); ) {
            int part = decomposed.codePointAt(i);
            i += Character.charCount(part);
            packet = LetterPacket.appendAll(packet, LetterPacket.ofLetters(canonical(foldSingle(part))));
        }
        return packet;
    }

    /**
     * 'l' and 'i' are one letter here: '1' (and '|', '!') stands for either in leetspeak ("c1in1ci@n"), so the
     * text cannot tell which was meant. Terms are folded the same way, so matching stays exact on the folded form.
     */
    private static String canonical(String letters) {
        return letters.replace('l', 'i');
    }

    /** Ideographs and syllabaries never fold to Latin; skipping them halves the init time. */
    private static boolean isLargeForeignScript(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.YI;
    }

    /** Letters for one already-decomposed code point. */
    private static String foldSingle(int cp) {
        if (cp >= 'a' && cp <= 'z') {
            return String.valueOf((char) cp);
        }
        if (cp >= 'A' && cp <= 'Z') {
            return String.valueOf((char) (cp - 'A' + 'a'));
        }
        if (cp < 0x80) {
            int leet = LEET_FROM.indexOf(cp);
            return leet < 0 ? "" : String.valueOf(LEET_TO.charAt(leet));
        }
        String lookAlike = LOOK_ALIKES.get(cp);
        if (lookAlike != null) {
            return lookAlike;
        }
        return latinBaseLetter(cp);
    }

    /**
     * Base letter of Latin letters NFKD keeps whole, read from the Unicode name:
     * "LATIN SMALL LETTER O WITH STROKE" → o, "LATIN LETTER SMALL CAPITAL T" → t,
     * "LATIN SMALL LETTER DOTLESS I" → i, "NEGATIVE SQUARED LATIN CAPITAL LETTER T" → t.
     * Turned/reversed forms are left out on purpose; so are combining letters (marks, not text).
     */
    private static String latinBaseLetter(int cp) {
        boolean latinLetter = Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
        if (!latinLetter && !isEnclosedSymbol(cp)) {
            return "";
        }
        String name = Character.getName(cp);
        if (name == null) {
            return "";
        }
        if (!latinLetter) {
            // Enclosed letters without a decomposition: "NEGATIVE CIRCLED LATIN CAPITAL LETTER T".
            name = name.startsWith("NEGATIVE ") ? name.substring("NEGATIVE ".length()) : name;
            String unenclosed = stripPrefix(name, "CIRCLED ", "SQUARED ", "PARENTHESIZED ");
            if (unenclosed == null) {
                return "";
            }
            name = unenclosed;
        }
        String rest = stripPrefix(name, "LATIN SMALL LETTER ", "LATIN CAPITAL LETTER ", "LATIN LETTER SMALL CAPITAL ");
        if (rest == null) {
            return "";
        }
        String afterQualifier = stripPrefix(rest, "DOTLESS ", "SCRIPT ");
        if (afterQualifier != null) {
            rest = afterQualifier;
        }
        boolean singleLetter = rest.length() == 1 || rest.startsWith(" WITH ", 1);
        char letter = rest.charAt(0);
        if (singleLetter && letter >= 'A' && letter <= 'Z') {
            return String.valueOf((char) (letter - 'A' + 'a'));
        }
        return "";
    }

    private static boolean isEnclosedSymbol(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return Character.getType(cp) == Character.OTHER_SYMBOL
                && (block == Character.UnicodeBlock.ENCLOSED_ALPHANUMERICS
                        || block == Character.UnicodeBlock.ENCLOSED_ALPHANUMERIC_SUPPLEMENT);
    }

    private static String stripPrefix(String s, String... prefixes) {
        for (String prefix : prefixes) {
            if (s.startsWith(prefix)) {
                return s.substring(prefix.length());
            }
        }
        return null;
    }
}
