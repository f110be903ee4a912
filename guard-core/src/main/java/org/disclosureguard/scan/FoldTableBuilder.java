package org.disclosureguard.scan;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes the fold of each code point once, at class init, from Unicode's own data (through ICU4J): the
 * per-record path never normalizes, it only reads the arrays built here.
 *
 * <p>Fold of a code point: its NFKD decomposition (strips accents; unfolds fullwidth, mathematical, superscript,
 * circled and ligature forms), then, for what that leaves outside ASCII, its UTS #39 confusable skeleton (every
 * script's Latin look-alikes: Cyrillic, Greek, Armenian, Cherokee, Lisu, ...), then the Latin base letter named
 * by the character's Unicode name (small capitals, letters with a stroke, modifier letters). A small hand table
 * covers the few look-alikes the skeleton maps to something that is not a letter either. Default-ignorable code
 * points and combining marks are ignorable; other letters with no Latin look are ignorable too (they never
 * spell a Latin term, and a word mixing them with Latin letters is reported as mixed-script anyway); white space
 * separates chunks, everything else separates words.
 */
final class FoldTableBuilder {

    /** Characters that stand in for letters in leetspeak, and the letters they stand for. */
    static final String LEET_FROM = "0134578@$|!69";
    private static final String LEET_TO = "oieastbasligg";

    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    /**
     * Look-alikes whose skeleton is no Latin letter either (Cyrillic к is "ĸ", т is "ᴛ" ...), and Latin letters
     * with no decomposition that stand for two letters.
     */
    private static final Map<Integer, String> HAND_TABLE = new HashMap<>();

    static {
        lookAlikes("кКтТнНмМяЯєЄεϵ", "kkttHhmmrreeee");
        HAND_TABLE.put((int) 'ß', "ss");
        HAND_TABLE.put((int) 'ẞ', "ss");
        HAND_TABLE.put((int) 'æ', "ae");
        HAND_TABLE.put((int) 'Æ', "ae");
        HAND_TABLE.put((int) 'œ', "oe");
        HAND_TABLE.put((int) 'Œ', "oe");
        HAND_TABLE.put((int) 'þ', "th");
        HAND_TABLE.put((int) 'Þ', "th");
        lookAlikes("ðÐŋŊĸ", "ddnnk");
    }

    private static void lookAlikes(String from, String to) {
        for (int i = 0; i < from.length(); i++) {
            HAND_TABLE.put((int) from.charAt(i), String.valueOf(Character.toLowerCase(to.charAt(i))));
        }
    }

    private final SpoofChecker spoof = new SpoofChecker.Builder().build();
    /** Skeletons of more than one letter that stand for one ASCII letter ("rn" is the skeleton of "m"). */
    private final Map<String, String> multiLetterSkeletons = new LinkedHashMap<>();

    FoldTableBuilder() {
        for (char c = 'a'; c <= 'z'; c++) {
            for (char letter : new char[] {c, Character.toUpperCase(c)}) {
                String skeleton = spoof.getSkeleton(String.valueOf(letter));
                if (skeleton.length() > 1 && isAsciiLetters(skeleton)) {
                    multiLetterSkeletons.put(skeleton, String.valueOf(c));
                }
            }
        }
    }

    int[] buildRange(int first, int end) {
        int[] table = new int[end - first];
        for (int cp = first; cp < end; cp++) {
            table[cp - first] = fold(cp);
        }
        return table;
    }

    byte[] scriptRange(int first, int end) {
        byte[] table = new byte[end - first];
        for (int cp = first; cp < end; cp++) {
            table[cp - first] = scriptClass(cp);
        }
        return table;
    }

    /** The letter packet of a leetspeak character (used when it was written escaped). */
    static int leetPacket(int cp) {
        int leet = LEET_FROM.indexOf(cp);
        return leet < 0 ? LetterPacket.EMPTY : LetterPacket.ofLetters(canonical(String.valueOf(LEET_TO.charAt(leet))));
    }

    private int fold(int cp) {
        if (cp < 0x80) {
            return asciiFold(cp);
        }
        if (!UCharacter.isDefined(cp) || cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
            return FoldTable.PUNCT;
        }
        if (isBidiControl(cp)) {
            return FoldTable.BIDI;
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT) || isMark(cp)) {
            return LetterPacket.EMPTY;
        }
        if (UCharacter.isUWhiteSpace(cp) || Character.isWhitespace(cp)) {
            return FoldTable.SPACE;
        }
        if (cp == 0x2010 || cp == 0x2011) {
            return FoldTable.HYPHEN;
        }
        if (isLargeForeignScript(cp)) {
            return UCharacter.isLetter(cp) ? LetterPacket.EMPTY : FoldTable.PUNCT;
        }
        String letters = lettersOf(cp);
        if (letters.isEmpty()) {
            // NFKD can turn a look-alike into a letter of no Latin look (Greek lunate sigma ϲ becomes final sigma).
            letters = lettersOfUndecomposed(cp);
        }
        if (!letters.isEmpty()) {
            return LetterPacket.ofLetters(canonical(letters));
        }
        return UCharacter.isLetter(cp) ? LetterPacket.EMPTY : FoldTable.PUNCT;
    }

    private static int asciiFold(int cp) {
        if (cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z') {
            return LetterPacket.ofLetters(canonical(String.valueOf((char) Character.toLowerCase(cp))));
        }
        if (cp == ' ' || cp >= 0x09 && cp <= 0x0D || cp == 0x1C || cp == 0x1D || cp == 0x1E || cp == 0x1F) {
            return FoldTable.SPACE;
        }
        return cp < 0x20 || cp == 0x7F ? LetterPacket.EMPTY : FoldTable.PUNCT;
    }

    /** Letters of a non-ASCII code point: decomposition first, then the confusable skeleton of what remains. */
    private String lettersOf(int cp) {
        String decomposed = NFKD.normalize(new String(Character.toChars(cp)));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < decomposed.length(); ) {
            int part = decomposed.codePointAt(i);
            i += Character.charCount(part);
            if (part < 0x80) {
                if (Character.isLetter(part)) {
                    out.append(Character.toLowerCase((char) part));
                }
            } else if (!isMark(part) && !UCharacter.hasBinaryProperty(part, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                out.append(lettersOfUndecomposed(part));
            }
        }
        return out.toString();
    }

    private String lettersOfUndecomposed(int cp) {
        String hand = HAND_TABLE.get(cp);
        if (hand != null) {
            return hand;
        }
        String fromSkeleton = skeletonLetters(cp);
        if (!fromSkeleton.isEmpty()) {
            return fromSkeleton;
        }
        return latinBaseLetter(cp);
    }

    /**
     * The ASCII letters of the UTS #39 skeleton, with combining marks removed ("ø" is "o̸", "η" is "n̩"), each
     * non-ASCII character of the skeleton folded by its name ("т" is "ᴛ", a small capital T); empty when some
     * part is no letter. A skeleton is a prototype for "looks like", so it never decides for ASCII itself.
     */
    private String skeletonLetters(int cp) {
        String skeleton = stripMarks(spoof.getSkeleton(new String(Character.toChars(cp))));
        String merged = multiLetterSkeletons.get(skeleton);
        if (merged != null) {
            return merged;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < skeleton.length(); ) {
            int part = skeleton.codePointAt(i);
            i += Character.charCount(part);
            String letter;
            if (part < 0x80) {
                letter = Character.isLetter(part) ? String.valueOf(Character.toLowerCase((char) part)) : "";
            } else if (part == cp) {
                letter = latinBaseLetter(part);
            } else {
                String hand = HAND_TABLE.get(part);
                letter = hand != null ? hand : latinBaseLetter(part);
            }
            if (letter.isEmpty()) {
                return "";
            }
            out.append(letter);
        }
        return out.toString();
    }

    private static String stripMarks(String s) {
        String decomposed = NFD.normalize(s);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (!isMark(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static boolean isMark(int cp) {
        int type = UCharacter.getType(cp);
        return type == UCharacter.NON_SPACING_MARK || type == UCharacter.ENCLOSING_MARK || type == UCharacter.COMBINING_SPACING_MARK;
    }

    /** Embeddings, overrides and isolates reorder what a reader sees: LRE RLE PDF LRO RLO, LRI RLI FSI PDI. */
    static boolean isBidiControl(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }

    /**
     * 'l' and 'i' are one letter here: '1' (and '|', '!') stands for either in leetspeak ("c1in1ci@n"), and the
     * skeleton of 'I' is 'l', so the text cannot tell which was meant. Terms are folded the same way, so matching
     * stays exact on the folded form.
     */
    static String canonical(String letters) {
        return letters.replace('l', 'i');
    }

    /** Ideographs and syllabaries never look like Latin; skipping them keeps class init short. */
    private static boolean isLargeForeignScript(int cp) {
        int script = UScript.getScript(cp);
        return script == UScript.HAN || script == UScript.HANGUL || script == UScript.YI || script == UScript.TANGUT
                || script == UScript.HIRAGANA || script == UScript.KATAKANA;
    }

    private byte scriptClass(int cp) {
        if (cp < 0x80) {
            return Character.isLetter(cp) ? FoldTable.SCRIPT_LATIN : FoldTable.SCRIPT_NEUTRAL;
        }
        if (!UCharacter.isLetter(cp)) {
            return FoldTable.SCRIPT_NEUTRAL;
        }
        int script = UScript.getScript(cp);
        if (script == UScript.LATIN) {
            return FoldTable.SCRIPT_LATIN;
        }
        if (script == UScript.COMMON || script == UScript.INHERITED || isLargeForeignScript(cp)) {
            // UTS #39 "highly restrictive" allows Latin with Han, Hiragana, Katakana and Hangul.
            return FoldTable.SCRIPT_NEUTRAL;
        }
        return FoldTable.SCRIPT_OTHER;
    }

    /**
     * Base letter of Latin letters neither NFKD nor the skeleton reduce, read from the Unicode name:
     * "LATIN LETTER SMALL CAPITAL T" → t, "LATIN SMALL LETTER DOTLESS I" → i, "MODIFIER LETTER SMALL H" → h,
     * "NEGATIVE SQUARED LATIN CAPITAL LETTER T" → t. Turned and reversed forms are left out on purpose.
     */
    private static String latinBaseLetter(int cp) {
        String name = UCharacter.getName(cp);
        if (name == null) {
            return "";
        }
        name = name.startsWith("NEGATIVE ") ? name.substring("NEGATIVE ".length()) : name;
        String unenclosed = stripPrefix(name, "CIRCLED ", "SQUARED ", "PARENTHESIZED ");
        if (unenclosed != null) {
            name = unenclosed;
        }
        String rest = stripPrefix(name, "LATIN SMALL LETTER ", "LATIN CAPITAL LETTER ", "LATIN LETTER SMALL CAPITAL ",
                "MODIFIER LETTER SMALL ", "MODIFIER LETTER CAPITAL ", "LATIN SUBSCRIPT SMALL LETTER ",
                "FULLWIDTH LATIN SMALL LETTER ", "FULLWIDTH LATIN CAPITAL LETTER ");
        if (rest == null) {
            return "";
        }
        String afterQualifier = stripPrefix(rest, "DOTLESS ", "SCRIPT ", "CAPITAL ");
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

    private static boolean isAsciiLetters(String s) {
        return s.chars().allMatch(c -> c < 0x80 && Character.isLetter(c));
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
