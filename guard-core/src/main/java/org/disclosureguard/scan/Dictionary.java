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
 *
 * <p>A pair is two lists of cues that count only together, close to each other in one sentence (see
 * {@link ContentScanner}): "session" is no therapy term (court sessions, training sessions) and "the child said
 * that" is none either, but "in session, the child said that" is a session retold. Cues are patterns like terms, so
 * exclusions suppress them too ("court session" is no session cue).
 *
 * <p>A context group lets a term's bare word ("the therapist") go when its sentence names the benign sense
 * ("rehab session for the fractured wrist, and the therapist sent him home with exercises") and nothing in that
 * sentence tells anything (its "unless" cues: disclosed, abuse, ...). Its context and unless cues are evidence, not
 * hits: no exclusion suppresses them (the benign sense is usually an exclusion itself).
 */
public final class Dictionary {

    /** Pairs a dictionary may have: pair p is bit p of a pattern's first-side and second-side cue masks. */
    public static final int MAX_PAIRS = Long.SIZE;

    private final Automaton automaton;
    /** Per pattern: the entry it came from, as written, whether it is a term, whether it must be written in capitals. */
    private final String[] patternTerms;
    private final boolean[] patternIsTerm;
    private final boolean[] patternMatchCase;
    /** Per pattern: bit p if it is a first-side cue of pair p (context evidence left out). */
    private final long[] patternFirstSides;
    /** Per pattern: bit p if it is a second-side cue of pair p (context evidence left out). */
    private final long[] patternSecondSides;
    /**
     * Per pattern: the second-side bits of context-group evidence (context and unless cues), which exclusions leave
     * alone. Evidence is never a first side: the heads of a context group are its first side.
     */
    private final long[] patternEvidence;
    /** Pair slots (bit p for slot p) that hold a context group's heads and context; slot p + 1 holds its unless cues. */
    private final long contextPairs;
    private final int termCount;
    private final int exclusionCount;
    private final int cueCount;

    private Dictionary(Automaton automaton, String[] patternTerms, boolean[] patternIsTerm, boolean[] patternMatchCase,
                       long[] patternFirstSides, long[] patternSecondSides, long[] patternEvidence, long contextPairs,
                       int termCount, int exclusionCount, int cueCount) {
        this.automaton = automaton;
        this.patternTerms = patternTerms;
        this.patternIsTerm = patternIsTerm;
        this.patternMatchCase = patternMatchCase;
        this.patternFirstSides = patternFirstSides;
        this.patternSecondSides = patternSecondSides;
        this.patternEvidence = patternEvidence;
        this.contextPairs = contextPairs;
        this.termCount = termCount;
        this.exclusionCount = exclusionCount;
        this.cueCount = cueCount;
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
        return compileChecked(entries);
    }

    /**
     * Compiles entries whose {@link #problems} the caller has already found empty (a policy checks every entry once,
     * to report all problems together; checking again here would cost a second pass at every start).
     */
    public static Dictionary compileChecked(List<DictionaryEntry> entries) {
        AutomatonBuilder builder = new AutomatonBuilder();
        List<String> texts = new ArrayList<>();
        List<Boolean> isTerm = new ArrayList<>();
        List<Boolean> matchCase = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        List<Long> seconds = new ArrayList<>();
        Set<String> distinctTerms = new HashSet<>();
        Set<String> distinctExclusions = new HashSet<>();
        Set<String> distinctCues = new HashSet<>();
        long contextPairs = 0;
        long evidenceBits = 0;
        for (DictionaryEntry entry : entries) {
            for (String text : EntrySyntax.alternatives(entry.text())) {
                String key = TextNormalizer.normalize(text) + "|" + text.startsWith("*") + text.endsWith("*");
                if (entry.exclusion()) {
                    EntrySyntax.patterns(text).forEach(builder::addExclusion);
                    distinctExclusions.add(key);
                    continue;
                }
                long pairBit = entry.cue() ? 1L << entry.pair() : 0L;
                long firstBit = entry.secondSide() ? 0L : pairBit;
                long secondBit = entry.secondSide() ? pairBit : 0L;
                if (entry.context() && !entry.secondSide()) {
                    contextPairs |= pairBit;
                } else if (entry.context()) {
                    evidenceBits |= pairBit;
                }
                (entry.cue() ? distinctCues : distinctTerms).add(entry.cue() ? key + "|" + firstBit + "|" + secondBit : key);
                for (byte[] pattern : EntrySyntax.patterns(text, !entry.cue())) {
                    int id = builder.addTerm(pattern, texts.size());
                    if (id == texts.size()) {
                        texts.add(text);
                        isTerm.add(!entry.cue());
                        matchCase.add(!entry.cue() && entry.matchCase());
                        firsts.add(firstBit);
                        seconds.add(secondBit);
                    } else if (entry.cue()) {
                        firsts.set(id, firsts.get(id) | firstBit);
                        seconds.set(id, seconds.get(id) | secondBit);
                    } else if (!isTerm.get(id)) {
                        // A term with a cue's letters: the term's spelling and case rule (the first term's) apply.
                        texts.set(id, text);
                        isTerm.set(id, true);
                        matchCase.set(id, entry.matchCase());
                    }
                }
            }
        }
        int n = texts.size();
        boolean[] termFlags = new boolean[n];
        boolean[] caseFlags = new boolean[n];
        long[] firstMasks = new long[n];
        long[] secondMasks = new long[n];
        long[] evidenceMasks = new long[n];
        for (int i = 0; i < n; i++) {
            termFlags[i] = isTerm.get(i);
            caseFlags[i] = matchCase.get(i);
            firstMasks[i] = firsts.get(i);
            secondMasks[i] = seconds.get(i) & ~evidenceBits;
            evidenceMasks[i] = seconds.get(i) & evidenceBits;
        }
        return new Dictionary(builder.build(n), texts.toArray(new String[0]), termFlags, caseFlags, firstMasks,
                secondMasks, evidenceMasks, contextPairs, distinctTerms.size(), distinctExclusions.size(),
                distinctCues.size());
    }

    /** Number of distinct terms (entries folding to the same words count once). */
    public int termCount() {
        return termCount;
    }

    /** Number of distinct exclusions (entries folding to the same words count once). */
    public int exclusionCount() {
        return exclusionCount;
    }

    /** Number of distinct pair cues (per side of each pair). */
    public int cueCount() {
        return cueCount;
    }

    Automaton automaton() {
        return automaton;
    }

    boolean isTerm(int patternId) {
        return patternIsTerm[patternId];
    }

    /** Whether a hit of the pattern counts only if no exclusion covers it: a term or a pair cue (not mere evidence). */
    boolean awaitsExclusions(int patternId) {
        return patternIsTerm[patternId] || isCue(patternId);
    }

    /** Whether the pattern is a pair cue or a context group's head (not mere evidence). */
    boolean isCue(int patternId) {
        return (patternFirstSides[patternId] | patternSecondSides[patternId]) != 0;
    }

    long cueFirstSides(int patternId) {
        return patternFirstSides[patternId];
    }

    long cueSecondSides(int patternId) {
        return patternSecondSides[patternId];
    }

    /**
     * The context-group evidence of a pattern (second sides: context and unless cues; a group's heads are its first
     * side), reported whether or not an exclusion covers it.
     */
    long evidence(int patternId) {
        return patternEvidence[patternId];
    }

    /** Pair slots (bit p for slot p, as {@code PairCues.Hit#firstSides}) holding a context group's heads and context. */
    long contextPairs() {
        return contextPairs;
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
            String kind = entry == null || !entry.exclusion() ? (entry != null && entry.cue() ? "pair cue" : "term") : "exclusion";
            int index = kind.equals("exclusion") ? exclusionIndex++ : termIndex++;
            String problem = entry == null ? "is null" : EntrySyntax.problem(entry.text());
            if (problem != null) {
                problems.add("Dictionary " + kind + " #" + index
                        + (entry == null || entry.text() == null ? "" : " \"" + entry.text() + "\"") + " " + problem);
            }
        }
        return problems;
    }
}
