package org.disclosureguard.evaluate;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Disguises applied to a whole retelling, for the multilingual corpora: the templates do not mark which words
 * name therapy (their writers wrote naturally), so every word that could be the one is disguised.
 */
final class SentenceDisguise {

    private SentenceDisguise() {
    }

    /**
     * Letters swapped for look-alikes of other scripts, drawn from Unicode's confusables (every code point outside
     * ASCII whose UTS #39 skeleton is the letter), about a third of them, at least one.
     */
    static String confusables(String sentence, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        boolean swapped = false;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            List<String> options = LookAlikes.TABLE.get(c);
            boolean last = i == sentence.length() - 1;
            if (options != null && (random.nextInt(3) == 0 || !swapped && last)) {
                out.append(options.get(random.nextInt(options.size())));
                swapped = true;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Every word of four letters or more spelled out with a separator between its letters ("c o u n s e l i n g"). */
    static String spaced(String sentence, SplittableRandom random) {
        String separator = pick(new String[] {" ", ".", "-", " . ", "_", "  "}, random);
        StringBuilder out = new StringBuilder();
        for (String word : sentence.split(" ", -1)) {
            if (out.length() > 0) {
                out.append("   ");
            }
            if (word.codePoints().filter(Character::isLetter).count() >= 4) {
                StringBuilder spread = new StringBuilder();
                word.codePoints().forEach(cp -> {
                    if (spread.length() > 0) {
                        spread.append(separator);
                    }
                    spread.appendCodePoint(cp);
                });
                out.append(spread);
            } else {
                out.append(word);
            }
        }
        return out.toString();
    }

    /** The sentence hidden behind an encoding, as an attachment or a pasted field would carry it. */
    static String encoded(String sentence, SplittableRandom random) {
        byte[] utf8 = sentence.getBytes(StandardCharsets.UTF_8);
        String lead = pick(new String[] {"Attached note: ", "See text: ", "", "Nota adjunta: ", "Pièce jointe : "}, random);
        return switch (random.nextInt(6)) {
            case 0 -> lead + Base64.getEncoder().encodeToString(utf8);
            case 1 -> lead + Base64.getMimeEncoder().encodeToString(utf8).replace("\r\n", "\n");
            case 2 -> lead + HexFormat.of().formatHex(utf8);
            case 3 -> lead + quotedPrintable(utf8);
            case 4 -> lead + htmlEntities(sentence, random);
            default -> lead + Base64.getUrlEncoder().withoutPadding().encodeToString(utf8);
        };
    }

    /** Every word reversed inside a right-to-left override, so that it displays as written. */
    static String bidiOverride(String sentence) {
        return "\u202E" + new StringBuilder(sentence).reverse() + "\u202C";
    }

    private static String quotedPrintable(byte[] utf8) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (byte b : utf8) {
            String escape = String.format("=%02X", b & 0xFF);
            if (column + escape.length() > 75) {
                out.append("=\n");
                column = 0;
            }
            out.append(escape);
            column += escape.length();
        }
        return out.toString();
    }

    private static String htmlEntities(String sentence, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        sentence.codePoints().forEach(cp -> out.append(random.nextBoolean() ? "&#" + cp + ";" : "&#x" + Integer.toHexString(cp) + ";"));
        return out.toString();
    }

    private static String pick(String[] options, SplittableRandom random) {
        return options[random.nextInt(options.length)];
    }

    /** Per ASCII letter, the code points of other scripts whose confusable skeleton is that letter. */
    private static final class LookAlikes {
        static final Map<Character, List<String>> TABLE = build();

        private static Map<Character, List<String>> build() {
            SpoofChecker spoof = new SpoofChecker.Builder().build();
            Map<String, Character> letters = new HashMap<>();
            for (char c = 'a'; c <= 'z'; c++) {
                letters.putIfAbsent(spoof.getSkeleton(String.valueOf(c)), c);
                char upper = Character.toUpperCase(c);
                letters.putIfAbsent(spoof.getSkeleton(String.valueOf(upper)), upper);
            }
            Map<Character, List<String>> table = new HashMap<>();
            for (int cp = 0x80; cp < 0x20000; cp++) {
                int script = UScript.getScript(cp);
                if (!UCharacter.isLetter(cp) || script == UScript.LATIN || script == UScript.COMMON || script == UScript.INHERITED
                        || script == UScript.HAN || script == UScript.HANGUL || script == UScript.YI || script == UScript.TANGUT) {
                    continue;
                }
                Character letter = letters.get(spoof.getSkeleton(new String(Character.toChars(cp))));
                if (letter != null) {
                    table.computeIfAbsent(letter, k -> new ArrayList<>()).add(new String(Character.toChars(cp)));
                }
            }
            return table;
        }
    }
}
