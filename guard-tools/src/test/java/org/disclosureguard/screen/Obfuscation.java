package org.disclosureguard.screen;

import java.util.Locale;

/** The ways people (or systems) hide a word from a naive keyword list; each keeps the word readable to a human. */
public enum Obfuscation {
    NONE {
        @Override
        public String apply(String s) {
            return s;
        }
    },
    UPPER_CASE {
        @Override
        public String apply(String s) {
            return s.toUpperCase(Locale.ROOT);
        }
    },
    ACCENTS {
        @Override
        public String apply(String s) {
            return s.replace('e', 'é').replace('a', 'á').replace('o', 'ö').replace('i', 'î');
        }
    },
    HOMOGLYPHS {
        @Override
        public String apply(String s) {
            // Cyrillic а, е, о, р, с and Greek ο look like their Latin letters.
            return s.replace('a', '\u0430').replace('e', '\u0435').replace('o', '\u03BF').replace('p', '\u0440').replace('c', '\u0441');
        }
    },
    ZERO_WIDTH {
        @Override
        public String apply(String s) {
            return String.join("\u200B", s.split(""));
        }
    },
    SPACED_LETTERS {
        @Override
        public String apply(String s) {
            return String.join(" ", s.split(""));
        }
    },
    DOTTED_LETTERS {
        @Override
        public String apply(String s) {
            return String.join(".", s.split(""));
        }
    },
    HYPHENATED_LINE_BREAK {
        @Override
        public String apply(String s) {
            int middle = s.length() / 2;
            return s.substring(0, middle) + "-\n" + s.substring(middle);
        }
    },
    LEETSPEAK {
        @Override
        public String apply(String s) {
            return s.replace('e', '3').replace('a', '4').replace('o', '0').replace('s', '5').replace('i', '1');
        }
    },
    FULLWIDTH {
        @Override
        public String apply(String s) {
            StringBuilder out = new StringBuilder();
            s.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : (char) c));
            return out.toString();
        }
    },
    HTML_MARKUP {
        @Override
        public String apply(String s) {
            int middle = s.length() / 2;
            return "<b>" + s.substring(0, middle) + "</b><i>" + s.substring(middle) + "</i>";
        }
    };

    public abstract String apply(String s);
}
