package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Immutable compiled dictionary: therapy terms plus exclusion phrases, folded exactly like scanned text and
 * compiled into one automaton of word patterns ({@link EntrySyntax}). Thread-safe.
 *
 * <p>An exclusion suppresses a term hit it fully covers ("physical therapy" covers "therap*"). Patterns with the
 * same symbols are one pattern; hits report the first entry that produced it, as written. A string listed as
 * both term and exclusion is therefore always suppressed.
 */
public final class Dictionary {

    private final Automaton automaton;
    /** Per pattern: the entry it came from, as written, and whether it must be written in capitals. */
    private final String[] patternTerms;
    private final boolean[] patternMatchCase;
    private final int termCount;
    private final int exclusionCount;

    private Dictionary(Automaton automaton, String[] patternTerms, boolean[] patternMatchCase, int termCount,
                       int exclusionCount) {
        this.automaton = automaton;
        this.patternTerms = patternTerms;
        this.patternMatchCase = patternMatchCase;
        this.termCount = termCount;
        this.exclusionCount = exclusionCount;
    }

    /** Compiles plain term and exclusion lists (no case-sensitive entries). */
    public static Dictionary compile(List<String> terms, List<String> exclusions) {
        if (terms == null || exclusions == null) {
            throw new IllegalArgumentException("Dictionary needs both a term list and an exclusion list (got null)");
        }
        List<DictionaryEntry> entries = new ArrayList<>();
        terms.forEach(t -> entries.add(DictionaryEntry.term(t)));
        exclusions.forEach(e -> entries.add(DictionaryEntry.exclusion(e)));
        return compile(entries);
    }

    /**
     * Compiles the entries. Duplicates are fine.
     *
     * @throws IllegalArgumentException naming the first entry that cannot be compiled ({@link #problems})
     */
    public static Dictionary compile(List<DictionaryEntry> entries) {
        List<String> problems = problems(entries);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        AutomatonBuilder builder = new AutomatonBuilder();
        List<String> terms = new ArrayList<>();
        List<Boolean> matchCase = new ArrayList<>();
        Set<String> distinctTerms = new HashSet<>();
        Set<String> distinctExclusions = new HashSet<>();
        for (DictionaryEntry entry : entries) {
            for (String text : EntrySyntax.alternatives(entry.text())) {
                String key = TextNormalizer.normalize(text) + "|" + text.startsWith("*") + text.endsWith("*");
                if (entry.exclusion()) {
                    EntrySyntax.patterns(text).forEach(builder::addExclusion);
                    distinctExclusions.add(key);
                    continue;
                }
                distinctTerms.add(key);
                for (byte[] pattern : EntrySyntax.patterns(text)) {
                    if (builder.addTerm(pattern, terms.size())) {
                        terms.add(text);
                        matchCase.add(entry.matchCase());
                    }
                }
            }
        }
        boolean[] flags = new boolean[matchCase.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = matchCase.get(i);
        }
        return new Dictionary(builder.build(terms.size()), terms.toArray(new String[0]), flags,
                distinctTerms.size(), distinctExclusions.size());
    }

    /** Number of distinct terms (entries folding to the same words count once). */
    public int termCount() {
        return termCount;
    }

    /** Number of distinct exclusions (entries folding to the same words count once). */
    public int exclusionCount() {
        return exclusionCount;
    }

    Automaton automaton() {
        return automaton;
    }

    String term(int patternId) {
        return patternTerms[patternId];
    }

    boolean matchCase(int patternId) {
        return patternMatchCase[patternId];
    }

    /**
     * Every entry that cannot be compiled, one message each (empty when the entries are fine): lint reports them
     * all at once, where {@link #compile} stops at the first.
     */
    public static List<String> problems(List<DictionaryEntry> entries) {
        List<String> problems = new ArrayList<>();
        if (entries == null) {
            problems.add("Dictionary has no entries (got null)");
            return problems;
        }
        int termIndex = 0;
        int exclusionIndex = 0;
        for (DictionaryEntry entry : entries) {
            String kind = entry == null || !entry.exclusion() ? "term" : "exclusion";
            int index = kind.equals("term") ? termIndex++ : exclusionIndex++;
            String problem = entry == null ? "is null" : EntrySyntax.problem(entry.text());
            if (problem != null) {
                problems.add("Dictionary " + kind + " #" + index
                        + (entry == null || entry.text() == null ? "" : " \"" + entry.text() + "\"") + " " + problem);
            }
        }
        return problems;
    }
}
