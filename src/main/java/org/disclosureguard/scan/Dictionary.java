package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Immutable compiled dictionary: therapy terms plus exclusion phrases, normalized exactly like
 * scanned text and compiled into one automaton. Thread-safe.
 *
 * <p>An exclusion suppresses a term hit it fully covers ("physical therapy" covers "therapy").
 * Entries that normalize to the same letters are one pattern; hits report the first such term
 * as written. A string listed as both term and exclusion is therefore always suppressed.
 */
public final class Dictionary {

    private final Automaton automaton;
    private final String[] terms;
    private final int exclusionCount;

    private Dictionary(Automaton automaton, String[] terms, int exclusionCount) {
        this.automaton = automaton;
        this.terms = terms;
        this.exclusionCount = exclusionCount;
    }

    /**
     * Compiles the lists. Duplicates are fine.
     *
     * @throws IllegalArgumentException naming the offending entry if a list or entry is null, an
     *     entry normalizes to the empty string, or an entry contains no letter at all (e.g.
     *     "!!!", which leetspeak would otherwise turn into "iii")
     */
    public static Dictionary compile(List<String> terms, List<String> exclusions) {
        if (terms == null || exclusions == null) {
            throw new IllegalArgumentException("Dictionary needs both a term list and an exclusion list (got null)");
        }
        AutomatonBuilder builder = new AutomatonBuilder(terms.size());
        List<String> distinctTerms = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            byte[] letters = toLetters(validNormalized("term", i, terms.get(i)));
            if (builder.addTerm(letters, distinctTerms.size())) {
                distinctTerms.add(terms.get(i));
            }
        }
        Set<String> distinctExclusions = new HashSet<>();
        for (int i = 0; i < exclusions.size(); i++) {
            String normalized = validNormalized("exclusion", i, exclusions.get(i));
            builder.addExclusion(toLetters(normalized));
            distinctExclusions.add(normalized);
        }
        Automaton automaton = builder.build(distinctTerms.size());
        return new Dictionary(automaton, distinctTerms.toArray(new String[0]), distinctExclusions.size());
    }

    /** Number of distinct terms (entries normalizing to the same letters count once). */
    public int termCount() {
        return terms.length;
    }

    /** Number of distinct exclusions (entries normalizing to the same letters count once). */
    public int exclusionCount() {
        return exclusionCount;
    }

    Automaton automaton() {
        return automaton;
    }

    String term(int termId) {
        return terms[termId];
    }

    /**
     * Every entry that cannot be compiled, one message each (empty when the lists are fine): lint reports them
     * all at once, where {@link #compile} stops at the first.
     */
    public static List<String> problems(List<String> terms, List<String> exclusions) {
        List<String> problems = new ArrayList<>();
        for (String kind : new String[] {"term", "exclusion"}) {
            List<String> entries = kind.equals("term") ? terms : exclusions;
            for (int i = 0; entries != null && i < entries.size(); i++) {
                String problem = problem(kind, i, entries.get(i));
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    private static String validNormalized(String kind, int index, String entry) {
        String problem = problem(kind, index, entry);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return TextNormalizer.normalize(entry);
    }

    private static String problem(String kind, int index, String entry) {
        if (entry == null) {
            return "Dictionary " + kind + " #" + index + " is null";
        }
        String normalized = TextNormalizer.normalize(entry);
        if (normalized.isEmpty()) {
            return "Dictionary " + kind + " #" + index + " \"" + entry + "\" normalizes to the empty string: it has no letters";
        }
        if (entry.codePoints().noneMatch(Character::isLetter)) {
            return "Dictionary " + kind + " #" + index + " \"" + entry
                    + "\" has no letters, only digits or symbols (it would normalize to \"" + normalized + "\")";
        }
        return null;
    }

    private static byte[] toLetters(String normalized) {
        byte[] letters = new byte[normalized.length()];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (byte) (normalized.charAt(i) - 'a');
        }
        return letters;
    }
}
