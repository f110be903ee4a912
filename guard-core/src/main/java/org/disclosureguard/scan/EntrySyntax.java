package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a dictionary entry as written becomes automaton patterns. An entry is one or more words, folded exactly like
 * scanned text (case, accents, look-alikes), and matches whole words only:
 * <ul>
 *   <li>"therapist" matches the word therapist, not "the rapist" and not "therapists";</li>
 *   <li>a {@code *} at the end of the entry means any continuation of its last word ("therap*": therapy,
 *       therapies, therapeutic), at the start any beginning of its first word ("*therapie");</li>
 *   <li>words match across any white space or punctuation ("mental health" matches "mental-health");</li>
 *   <li>a hyphen matches joined or apart ("trauma-focused": "trauma focused", "traumafocused");</li>
 *   <li>a multi-word entry also matches glued into one word ("mentalhealth"), as a run of spaced-out single
 *       letters reads;</li>
 *   <li>digits in an entry are ignored ("PHQ-9" is PHQ; leetspeak digits are for scanned text, not entries).</li>
 *   <li>{@code (a|b|c)} stands for each of its alternatives, an empty one included: "(terapia|terapeuta|terapista)(s|)
 *       respirator*" is eighteen entries. A policy names a head word's genders and numbers once with the qualifiers
 *       that make it benign, instead of writing out every pair.</li>
 * </ul>
 */
final class EntrySyntax {

    /** At most this many hyphens are expanded both ways; beyond that, only all-joined and all-apart. */
    private static final int MAX_EXPANDED_HYPHENS = 3;
    /** An entry of fewer letters would match by accident everywhere. */
    static final int MIN_LETTERS = 2;

    private EntrySyntax() {
    }

    // Compiled once: a policy's entries expand to thousands, and String.split/replaceAll compile their regex each call.
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern HYPHENS = java.util.regex.Pattern.compile("[-\u2010\u2011]");
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d");

    /** At most this many entries may come out of one entry's alternatives. */
    static final int MAX_ALTERNATIVES = 512;

    /**
     * The entries an entry as written stands for: itself, or with each {@code (a|b|c)} group replaced by each of its
     * alternatives (see {@link #problem} for what is refused).
     */
    static List<String> alternatives(String entry) {
        List<String> expanded = new ArrayList<>(List.of(""));
        int i = 0;
        String s = entry.strip();
        while (i < s.length()) {
            int open = s.indexOf('(', i);
            if (open < 0) {
                append(expanded, List.of(s.substring(i)));
                break;
            }
            append(expanded, List.of(s.substring(i, open)));
            int close = s.indexOf(')', open);
            append(expanded, List.of(s.substring(open + 1, close).split("\\|", -1)));
            i = close + 1;
        }
        List<String> out = new ArrayList<>();
        for (String alternative : expanded) {
            out.add(WHITESPACE.matcher(alternative.strip()).replaceAll(" "));
        }
        return out;
    }

    private static void append(List<String> prefixes, List<String> suffixes) {
        List<String> product = new ArrayList<>(prefixes.size() * suffixes.size());
        for (String prefix : prefixes) {
            for (String suffix : suffixes) {
                product.add(prefix + suffix);
            }
        }
        prefixes.clear();
        prefixes.addAll(product);
    }

    /** Why an entry cannot be compiled, or null when it can. */
    static String problem(String entry) {
        if (entry == null) {
            return "is null";
        }
        String groups = groupProblem(entry);
        if (groups != null) {
            return groups;
        }
        for (String alternative : alternatives(entry)) {
            String problem = singleProblem(alternative);
            if (problem != null) {
                return alternative.equals(entry.strip()) ? problem : "stands for \"" + alternative + "\", which " + problem;
            }
        }
        return null;
    }

    /** Parentheses must pair up without nesting, and the alternatives must stay few. */
    private static String groupProblem(String entry) {
        int depth = 0;
        long count = 1;
        int options = 1;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '(') {
                if (depth++ > 0) {
                    return "nests a '(' group inside another";
                }
                options = 1;
            } else if (c == ')') {
                if (depth-- == 0) {
                    return "has a ')' without its '('";
                }
                count *= options;
                if (count > MAX_ALTERNATIVES) {
                    return "stands for more than " + MAX_ALTERNATIVES + " entries";
                }
            } else if (c == '|') {
                if (depth == 0) {
                    return "has a '|' outside a '(' group";
                }
                options++;
            }
        }
        return depth == 0 ? null : "has a '(' without its ')'";
    }

    private static String singleProblem(String entry) {
        String body = entry.strip();
        if (body.startsWith("*")) {
            body = body.substring(1);
        }
        if (body.endsWith("*")) {
            body = body.substring(0, body.length() - 1);
        }
        if (body.indexOf('*') >= 0) {
            return "has a '*' inside; it may only start or end an entry";
        }
        int letters = 0;
        for (List<String> words : wordsOf(body)) {
            for (String word : words) {
                letters += word.length();
            }
        }
        if (letters == 0) {
            return "has no letters";
        }
        if (letters < MIN_LETTERS) {
            return "has a single letter, which would match everywhere";
        }
        return null;
    }

    /**
     * The patterns of a valid entry without alternatives (see {@link #alternatives}, {@link #problem}), as symbol
     * arrays; first the entry as written.
     */
    static List<byte[]> patterns(String entry) {
        return patterns(entry, true);
    }

    /**
     * As {@link #patterns(String)}; without {@code glued}, a multi-word entry matches only as words. Pair and context
     * cues are compiled so: their many subject-verb combinations would double the automaton for a reading (words run
     * together) that the spaced-out letters' re-reading, which puts word gaps back, does not need.
     */
    static List<byte[]> patterns(String entry, boolean glued) {
        String body = entry.strip();
        boolean openStart = body.startsWith("*");
        if (openStart) {
            body = body.substring(1);
        }
        boolean openEnd = body.endsWith("*");
        if (openEnd) {
            body = body.substring(0, body.length() - 1);
        }
        List<List<String>> hyphenated = wordsOf(body);
        Set<List<String>> variants = new LinkedHashSet<>();
        int hyphens = 0;
        for (List<String> parts : hyphenated) {
            hyphens += parts.size() - 1;
        }
        if (hyphens <= MAX_EXPANDED_HYPHENS) {
            for (int mask = 0; mask < (1 << hyphens); mask++) {
                variants.add(join(hyphenated, mask));
            }
        } else {
            variants.add(join(hyphenated, 0));
            variants.add(join(hyphenated, -1));
        }
        List<List<String>> all = new ArrayList<>(variants);
        for (List<String> words : glued ? all : List.<List<String>>of()) {
            if (words.size() > 1) {
                variants.add(List.of(String.join("", words)));
            }
        }
        List<byte[]> patterns = new ArrayList<>();
        for (List<String> words : variants) {
            patterns.add(symbols(words, openStart, openEnd));
        }
        return patterns;
    }

    /** The words of the entry, each as its hyphen-separated parts, folded to letters. */
    private static List<List<String>> wordsOf(String body) {
        List<List<String>> words = new ArrayList<>();
        for (String written : WHITESPACE.split(body.strip())) {
            List<String> parts = new ArrayList<>();
            for (String part : HYPHENS.split(written)) {
                // Apostrophes and other punctuation inside a part separate words, as in scanned text.
                for (String word : TextNormalizer.words(DIGITS.matcher(part).replaceAll(" "))) {
                    parts.add(word);
                }
            }
            if (!parts.isEmpty()) {
                words.add(parts);
            }
        }
        return words;
    }

    /** Joins hyphenated parts: bit k of {@code joinMask} set glues the parts around the k-th hyphen. */
    private static List<String> join(List<List<String>> hyphenated, int joinMask) {
        List<String> words = new ArrayList<>();
        int hyphen = 0;
        for (List<String> parts : hyphenated) {
            StringBuilder current = new StringBuilder(parts.get(0));
            for (int p = 1; p < parts.size(); p++, hyphen++) {
                if ((joinMask >> hyphen & 1) == 1) {
                    current.append(parts.get(p));
                } else {
                    words.add(current.toString());
                    current = new StringBuilder(parts.get(p));
                }
            }
            words.add(current.toString());
        }
        return words;
    }

    private static byte[] symbols(List<String> words, boolean openStart, boolean openEnd) {
        StringBuilder out = new StringBuilder();
        if (!openStart) {
            out.append(' ');
        }
        out.append(String.join(" ", words));
        if (!openEnd) {
            out.append(' ');
        }
        byte[] symbols = new byte[out.length()];
        for (int i = 0; i < symbols.length; i++) {
            char c = out.charAt(i);
            symbols[i] = (byte) (c == ' ' ? Automaton.SEP : c - 'a');
        }
        return symbols;
    }
}
