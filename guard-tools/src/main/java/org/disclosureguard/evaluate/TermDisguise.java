package org.disclosureguard.evaluate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The ways a writer (or a system) hides a therapy term from a keyword list while a human still reads it. Each
 * disguise is one corpus class ({@code text-...}) and is applied to the term only, not the whole sentence: the
 * term is what evasion targets. Variants are picked at random so one class covers the common forms of its
 * disguise, not one fixed string.
 */
public enum TermDisguise {
    PLAIN("text-plain") {
        @Override
        String apply(String term, SplittableRandom random) {
            return term;
        }
    },
    CASE("text-case") {
        @Override
        String apply(String term, SplittableRandom random) {
            return switch (random.nextInt(3)) {
                case 0 -> term.toUpperCase(Locale.ROOT);
                case 1 -> Character.toUpperCase(term.charAt(0)) + term.substring(1);
                default -> alternateCase(term, random.nextBoolean());
            };
        }
    },
    ACCENTS("text-accents") {
        @Override
        String apply(String term, SplittableRandom random) {
            // Precomposed accented letters, or a combining accent after the letter: both render as accented.
            boolean combining = random.nextInt(4) == 0;
            return substitute(term, random, combining ? COMBINING_ACCENT : ACCENTED, 0.5);
        }
    },
    HOMOGLYPHS("text-homoglyphs") {
        @Override
        String apply(String term, SplittableRandom random) {
            return substitute(term, random, HOMOGLYPH, 0.6);
        }
    },
    ZERO_WIDTH("text-zero-width") {
        @Override
        String apply(String term, SplittableRandom random) {
            String invisible = pick(INVISIBLES, random);
            boolean everyGap = random.nextBoolean();
            return between(term, random, everyGap ? 1.0 : 0.4, () -> invisible);
        }
    },
    SPACING("text-spacing") {
        @Override
        String apply(String term, SplittableRandom random) {
            String gap = pick(new String[] {" ", " ", "  ", "\u00A0"}, random);
            return between(term, random, 1.0, () -> gap);
        }
    },
    HYPHENATION("text-hyphenation") {
        @Override
        String apply(String term, SplittableRandom random) {
            // A word broken at a line end, as copied out of a PDF or a fixed-width form.
            int cut = innerCut(term, random);
            String lineBreak = pick(new String[] {"-\n", "-\r\n", "- ", "-\n  "}, random);
            return term.substring(0, cut) + lineBreak + term.substring(cut);
        }
    },
    LEETSPEAK("text-leetspeak") {
        @Override
        String apply(String term, SplittableRandom random) {
            return substitute(term, random, LEET, 0.5);
        }
    },
    HTML("text-html") {
        @Override
        String apply(String term, SplittableRandom random) {
            int cut = innerCut(term, random);
            return switch (random.nextInt(4)) {
                case 0 -> "<b>" + term.substring(0, cut) + "</b>" + term.substring(cut);
                case 1 -> "<span class=\"hl\">" + term.substring(0, cut) + "</span><span>" + term.substring(cut) + "</span>";
                case 2 -> term.substring(0, cut) + "&shy;" + term.substring(cut);
                default -> htmlEntities(term, random);
            };
        }
    },
    MARKDOWN("text-markdown") {
        @Override
        String apply(String term, SplittableRandom random) {
            int cut = innerCut(term, random);
            return switch (random.nextInt(5)) {
                case 0 -> "**" + term.substring(0, cut) + "**" + term.substring(cut);
                case 1 -> "_" + term + "_";
                case 2 -> "`" + term + "`";
                case 3 -> "[" + term + "](https://intranet.example/notes)";
                default -> "*" + term.substring(0, cut) + "*" + term.substring(cut);
            };
        }
    },
    URL_ENCODING("text-url-encoding") {
        @Override
        String apply(String term, SplittableRandom random) {
            // Percent-encoding as a URL encoder writes it: a letter outside ASCII becomes its UTF-8 bytes.
            boolean upperHex = random.nextBoolean();
            StringBuilder out = new StringBuilder();
            term.codePoints().forEach(cp -> {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    String hex = String.format("%%%02X", b & 0xFF);
                    out.append(upperHex ? hex : hex.toLowerCase(Locale.ROOT));
                }
            });
            return out.toString();
        }
    };

    private static final Map<Character, String[]> ACCENTED = Map.of(
            'a', new String[] {"á", "à", "â", "ä"}, 'e', new String[] {"é", "è", "ê", "ë"},
            'i', new String[] {"í", "ì", "î", "ï"}, 'o', new String[] {"ó", "ò", "ô", "ö"},
            'u', new String[] {"ú", "ù", "û", "ü"}, 'n', new String[] {"ñ"}, 'c', new String[] {"ç"},
            's', new String[] {"š"}, 'y', new String[] {"ý"});
    private static final Map<Character, String[]> COMBINING_ACCENT = Map.of(
            'a', new String[] {"a\u0301"}, 'e', new String[] {"e\u0301", "e\u0308"}, 'i', new String[] {"i\u0301"},
            'o', new String[] {"o\u0303", "o\u0301"}, 'u', new String[] {"u\u0308"}, 'n', new String[] {"n\u0303"});
    /** Confusables from Unicode's confusables list (Cyrillic, Greek, Armenian, Latin IPA) for the letters of the terms. */
    private static final Map<Character, String[]> HOMOGLYPH = Map.ofEntries(
            Map.entry('a', new String[] {"\u0430", "\u0251"}), Map.entry('c', new String[] {"\u0441", "\u03F2"}),
            Map.entry('e', new String[] {"\u0435"}), Map.entry('i', new String[] {"\u0456", "\u0131"}),
            Map.entry('o', new String[] {"\u043E", "\u03BF", "\u0585"}), Map.entry('p', new String[] {"\u0440", "\u03C1"}),
            Map.entry('s', new String[] {"\u0455"}), Map.entry('y', new String[] {"\u0443"}),
            Map.entry('h', new String[] {"\u04BB"}), Map.entry('l', new String[] {"\u04CF"}),
            Map.entry('g', new String[] {"\u0261"}), Map.entry('n', new String[] {"\u0578"}),
            Map.entry('u', new String[] {"\u03C5", "\u057D"}), Map.entry('d', new String[] {"\u0501"}),
            Map.entry('t', new String[] {"\u03C4"}));
    /** A common leetspeak alphabet, letters with more than one stand-in included. */
    private static final Map<Character, String[]> LEET = Map.of(
            'a', new String[] {"4", "@"}, 'e', new String[] {"3"}, 'i', new String[] {"1", "!"},
            'o', new String[] {"0"}, 's', new String[] {"5", "$"}, 't', new String[] {"7"},
            'l', new String[] {"1", "|"}, 'g', new String[] {"9", "6"}, 'b', new String[] {"8"});
    private static final String[] INVISIBLES = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"};

    private final String className;

    TermDisguise(String className) {
        this.className = className;
    }

    /** The corpus class of records whose term wears this disguise. */
    public String className() {
        return className;
    }

    /** The term as the disguise writes it; the same random state gives the same result. */
    abstract String apply(String term, SplittableRandom random);

    private static String alternateCase(String term, boolean upperFirst) {
        StringBuilder out = new StringBuilder();
        boolean upper = upperFirst;
        for (char c : term.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = !upper;
        }
        return out.toString();
    }

    /**
     * Replaces each letter that has stand-ins with probability {@code share}; at least one letter is always
     * replaced, so no record of a disguise class carries the term undisguised.
     */
    private static String substitute(String term, SplittableRandom random, Map<Character, String[]> standIns, double share) {
        int eligible = 0;
        for (char c : term.toCharArray()) {
            if (standIns.containsKey(Character.toLowerCase(c))) {
                eligible++;
            }
        }
        int forced = eligible == 0 ? -1 : random.nextInt(eligible);
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (char c : term.toCharArray()) {
            String[] options = standIns.get(Character.toLowerCase(c));
            if (options == null) {
                out.append(c);
                continue;
            }
            boolean replace = index == forced || random.nextDouble() < share;
            out.append(replace ? pick(options, random) : String.valueOf(c));
            index++;
        }
        return out.toString();
    }

    /** Inserts a separator into gaps between letters, each gap with probability {@code share}, at least one. */
    private static String between(String term, SplittableRandom random, double share, java.util.function.Supplier<String> separator) {
        int forced = 1 + random.nextInt(term.length() - 1);
        StringBuilder out = new StringBuilder().append(term.charAt(0));
        for (int i = 1; i < term.length(); i++) {
            if (i == forced || random.nextDouble() < share) {
                out.append(separator.get());
            }
            out.append(term.charAt(i));
        }
        return out.toString();
    }

    /** Some letters as HTML entities: accented ones by name (as an HTML editor writes them), others by number. */
    private static String htmlEntities(String term, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        int forced = random.nextInt(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            String named = NAMED_ENTITIES.get(c);
            if (named != null) {
                out.append(named);
            } else if (i == forced || random.nextInt(3) == 0) {
                out.append(random.nextBoolean() ? "&#" + (int) c + ";" : "&#x" + Integer.toHexString(c) + ";");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final Map<Character, String> NAMED_ENTITIES = Map.of(
            'á', "&aacute;", 'é', "&eacute;", 'í', "&iacute;", 'ó', "&oacute;", 'ú', "&uacute;", 'ñ', "&ntilde;");

    /** A cut strictly inside the term, so both parts have letters. */
    static int innerCut(String term, SplittableRandom random) {
        return 1 + random.nextInt(term.length() - 1);
    }

    private static String pick(String[] options, SplittableRandom random) {
        return options[random.nextInt(options.length)];
    }
}
