package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pairs up the cue hits of one text: a cue of one side of a pair and a cue of its other side, in the same sentence
 * and at most {@link #MAX_GAP} characters apart, make one hit spanning both ("session … client explained that").
 * Writers put the setting and the telling in any order and with any words between them, which a fixed phrase
 * cannot follow; a sentence boundary between them breaks the pair ("The court session ended. He said that …").
 */
final class PairCues {

    /** At most this many characters between the end of one cue and the start of the other. */
    static final int MAX_GAP = 120;

    /**
     * One cue hit: the pairs whose first side it is (bit p for pair p), those whose second side it is, span and
     * entry.
     */
    record Hit(long firstSides, long secondSides, int start, int end, String entry) {

        Hit or(Hit other) {
            return new Hit(firstSides | other.firstSides, secondSides | other.secondSides, start, end, entry);
        }
    }

    private PairCues() {
    }

    /** One pair: its two cue hits, in text order, and the hit they make together. */
    record Pair(Hit first, Hit second, TermMatch match) {
    }

    /**
     * The pairs, in position order. A cue pairs at most once per pair (so a telling matched by two cue entries,
     * "youth shared" and "shared that", makes one session pair, not two), with the first unpaired partner after it;
     * it may still pair in another pair ("in session she said that the smugglers ..." is a session retold and a
     * disclosure), so that explaining one pair away (a physio session) never hides the other.
     *
     * @param sorted the text's cue hits as {@link #distinctSpans} gives them
     */
    static List<Pair> pairs(String text, List<Hit> sorted, long contextPairs) {
        long pairable = ~(contextPairs | contextPairs << 1);
        if (sorted.size() < 2) {
            return List.of();
        }
        List<Pair> pairs = new ArrayList<>();
        long[] pairedIn = new long[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Hit a = sorted.get(i);
            for (int j = i + 1; j < sorted.size(); j++) {
                Hit b = sorted.get(j);
                if (b.start() > a.end() + MAX_GAP) {
                    break;
                }
                long free = pairable & ~pairedIn[i] & ~pairedIn[j];
                long aFirst = a.firstSides() & b.secondSides() & free;
                long bFirst = b.firstSides() & a.secondSides() & free;
                if ((aFirst | bFirst) != 0 && !sentenceEnds(text, Math.min(a.end(), b.start()), b.start())) {
                    String entry = aFirst != 0 ? a.entry() + " … " + b.entry() : b.entry() + " … " + a.entry();
                    pairs.add(new Pair(a, b, new TermMatch(entry, a.start(), Math.max(a.end(), b.end()))));
                    pairedIn[i] |= aFirst | bFirst;
                    pairedIn[j] |= aFirst | bFirst;
                }
            }
        }
        return pairs;
    }

    /** Beyond this many hits of a text, heads are not resolved: a text with so many hits is held anyway. */
    static final int MAX_RESOLVED_MATCHES = 64;
    /** Beyond this many cue hits of a text (before {@link #distinctSpans}), heads are not resolved either. */
    static final int MAX_RESOLVED_CUES = 4096;
    /** A head's sentence is looked at this far either way at most. */
    static final int CONTEXT_REACH = 2 * MAX_GAP;

    /**
     * The matches without the heads of context groups that their sentence explains: a head hit ("therapist") goes
     * when its sentence has a context cue of the group ("fractured wrist", "exercises"), and neither an unless cue
     * of the group ("disclosed", "abuse") nor any other hit (a term that is no head, a pair). Hits inside encoded
     * runs keep their own resolution (their {@code encoding} is set) and are left as they are. {@code cues} as
     * {@link #distinctSpans} gives them; the caller leaves out texts of more than {@link #MAX_RESOLVED_CUES} cue hits.
     */
    static List<TermMatch> withoutExplainedHeads(String text, List<TermMatch> matches, List<Pair> pairs, List<Hit> cues,
                                                 long contextPairs) {
        if (contextPairs == 0 || matches.isEmpty() || cues.isEmpty() || matches.size() > MAX_RESOLVED_MATCHES) {
            return matches;
        }
        // Each match's head groups once: every match asks them of every other match in its sentence.
        long[] groups = new long[matches.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = headGroups(matches.get(i), pairs, cues, contextPairs);
        }
        List<TermMatch> kept = new ArrayList<>(matches.size());
        for (int i = 0; i < groups.length; i++) {
            TermMatch match = matches.get(i);
            if (match.encoding() != null || !explained(text, i, matches, groups, cues)) {
                kept.add(match);
            }
        }
        return kept;
    }

    /** Whether match {@code m} is a head its sentence explains; {@code groups} are every match's head groups. */
    private static boolean explained(String text, int m, List<TermMatch> matches, long[] groups, List<Hit> cues) {
        if (groups[m] == 0) {
            return false;
        }
        TermMatch match = matches.get(m);
        int from = sentenceStart(text, match.start());
        int to = sentenceEnd(text, match.end());
        if (otherHitWithin(from, to, matches, groups)) {
            return false;
        }
        if (explainedWithin(from, to, groups[m], cues)) {
            return true;
        }
        // "Physio follow-up for the back strain. Therapist wants him out of PE": the benign sense may be named in the
        // sentence before, or the one after ("... talked with the therapist about Flamengo. The therapist gave him
        // exercises."); then the unless cues count in both sentences.
        if (from > 0 && explainedWithin(sentenceStart(text, from - 1), to, groups[m], cues)
                || to < text.length() && explainedWithin(from, sentenceEnd(text, to + 1), groups[m], cues)) {
            return true;
        }
        // "OT session log – 10/03 / Focus: handwriting, letter sizing. … / Therapist recommends wide-ruled paper": a
        // note's heading or first lines name the care for the whole paragraph. Then nothing from the paragraph's
        // start to the end of the sentence after the head may tell anything (an unless cue) or hit another term.
        int paragraph = paragraphStart(text, from);
        if (paragraph == from) {
            return false;
        }
        int end = to < text.length() ? sentenceEnd(text, to + 1) : to;
        return !otherHitWithin(paragraph, end, matches, groups) && explainedWithin(paragraph, end, groups[m], cues);
    }

    /** Whether a hit that is no head (a term, a pair of non-heads) lies in {@code [from, to)}, outside encoded runs. */
    private static boolean otherHitWithin(int from, int to, List<TermMatch> matches, long[] groups) {
        for (int i = 0; i < groups.length; i++) {
            TermMatch other = matches.get(i);
            if (groups[i] == 0 && other.encoding() == null && other.end() > from && other.start() < to) {
                return true;
            }
        }
        return false;
    }

    /** A paragraph is looked back on this far at most: a longer one is no note with a heading. */
    static final int PARAGRAPH_REACH = 4 * CONTEXT_REACH;

    /**
     * Where the paragraph of a sentence starting at {@code from} starts: after the last blank line before it, or at
     * the text's start; {@code from} itself when that lies beyond {@link #PARAGRAPH_REACH}.
     */
    private static int paragraphStart(String text, int from) {
        int limit = Math.max(0, from - PARAGRAPH_REACH);
        int lineBreak = -1;
        for (int k = from - 1; k >= limit; k--) {
            char c = text.charAt(k);
            if (c == '\u2029' || lineBreak >= 0 && isLineBreak(c)) {
                return (lineBreak >= 0 ? lineBreak : k) + 1;
            }
            if (isLineBreak(c)) {
                if (c == '\n' && k > 0 && text.charAt(k - 1) == '\r') {
                    k--; // "\r\n" is one break: a blank line needs another break before it
                }
                lineBreak = k;
            } else if (!isBlank(c)) {
                lineBreak = -1;
            }
        }
        return limit == 0 ? 0 : from;
    }

    /** A line break of any platform or of Unicode (a paragraph separator ends a paragraph by itself). */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * What a blank line may hold besides its break: white space, a no-break space or an invisible character (text
     * pasted from a word processor or an HTML mail often has them), so that such a line still ends a paragraph.
     */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
                || c == '\u200C' || c == '\u200D' || c == '\u2060';
    }

    /** Whether some group of the head has a context cue in {@code [from, to)} and none of its unless cues. */
    private static boolean explainedWithin(int from, int to, long groups, List<Hit> cues) {
        long context = 0;
        long unless = 0;
        for (Hit cue : cues) {
            if (cue.end() > from && cue.start() < to) {
                context |= cue.secondSides() & groups;
                unless |= cue.secondSides() & (groups << 1);
            }
        }
        return (context & ~(unless >>> 1)) != 0;
    }

    /**
     * The context groups (bit p) a hit is the head of: a term hit at a head's span, or a pair one of whose cues is a
     * head ("session … she said that": the session may be the physio's). A pair of two non-heads (a telling and a
     * harm) is no group's head and is never explained away.
     */
    private static long headGroups(TermMatch match, List<Pair> pairs, List<Hit> cues, long contextPairs) {
        for (Pair pair : pairs) {
            if (pair.match() == match) {
                // The pair's hits are distinct spans, each carrying every cue mask of its span.
                return (pair.first().firstSides() | pair.second().firstSides()) & contextPairs;
            }
        }
        return headGroups(match.start(), match.end(), cues, contextPairs);
    }

    /** The context groups (bit p) whose head was hit exactly at this span. */
    private static long headGroups(int start, int end, List<Hit> cues, long contextPairs) {
        long groups = 0;
        for (Hit cue : cues) {
            if (cue.start() == start && cue.end() == end) {
                groups |= cue.firstSides() & contextPairs;
            }
        }
        return groups;
    }

    private static int sentenceStart(String text, int at) {
        int limit = Math.max(0, at - CONTEXT_REACH);
        for (int k = at - 1; k >= limit; k--) {
            if (text.charAt(k) == '\n' || fullStop(text, k)) {
                return k + 1;
            }
        }
        return limit;
    }

    private static int sentenceEnd(String text, int at) {
        int limit = Math.min(text.length(), at + CONTEXT_REACH);
        for (int k = at; k < limit; k++) {
            if (text.charAt(k) == '\n' || fullStop(text, k)) {
                return k;
            }
        }
        return limit;
    }

    /**
     * A full stop, question or exclamation mark after a word of two letters or more, then white space or the end; a
     * full stop after a title ("told Ms. Dee that", "con la Lic. Paz", "Mme. Diallo") ends no sentence.
     */
    private static boolean fullStop(String text, int k) {
        char c = text.charAt(k);
        // "(elective, 5th period). Counselor approved": a closing bracket or quote may stand between word and stop.
        int word = k >= 1 && CLOSERS.indexOf(text.charAt(k - 1)) >= 0 ? k - 1 : k;
        boolean ends = (c == '.' || c == '!' || c == '?') && word >= 2 && Character.isLetterOrDigit(text.charAt(word - 1))
                && Character.isLetterOrDigit(text.charAt(word - 2))
                && (k + 1 == text.length() || Character.isWhitespace(text.charAt(k + 1)));
        return ends && !(c == '.' && word == k && (afterTitle(text, k) || beforeLowerCase(text, k)));
    }

    /** At most this many letters before a full stop make the word an abbreviation when a lower-case word follows. */
    static final int MAX_ABBREVIATION = 4;

    /**
     * A full stop after a short word with a lower-case word after it ends an abbreviation, not a sentence ("En la
     * sesión 5 la pte. expresa que ...", "etc. and"); a line break between them still ends the sentence (a list whose
     * items start in lower case), and so does a longer word (chat typed without capitals: "tout bagay anfòm. mèsi").
     */
    private static boolean beforeLowerCase(String text, int dot) {
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        if (dot - start > MAX_ABBREVIATION) {
            return false;
        }
        int next = dot + 1;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        return next < text.length() && Character.isLowerCase(text.charAt(next));
    }

    /** Closing brackets and quotes that may stand between a sentence's last word and its full stop. */
    private static final String CLOSERS = ")]\"'”’»";

    /** Titles written before a name, lower case, as they end before their full stop. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "mx", "dr", "dra", "drs", "sr", "sra", "srta",
            "lic", "licda", "licdo", "mme", "mlle", "mm", "pr", "prof", "profa", "st", "sto", "sta", "fr", "rev",
            "sgt", "lt", "capt", "jr", "msgr", "mgr", "mons", "pst");

    private static boolean afterTitle(String text, int dot) {
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1)) && dot - start < 6) {
            start--;
        }
        boolean wordStart = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
        return wordStart && TITLES.contains(text.substring(start, dot).toLowerCase(Locale.ROOT));
    }

    /**
     * The hits by position, one per span (the re-readings of a text, glued or hyphens apart, find a cue again): what
     * {@link #pairs} and {@link #withoutExplainedHeads} take, computed once per text.
     */
    static List<Hit> distinctSpans(List<Hit> hits) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end));
        List<Hit> distinct = new ArrayList<>(sorted.size());
        for (Hit hit : sorted) {
            Hit last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            if (last != null && last.start() == hit.start() && last.end() == hit.end()) {
                distinct.set(distinct.size() - 1, last.or(hit));
            } else {
                distinct.add(hit);
            }
        }
        return distinct;
    }

    /**
     * Whether a sentence ends in {@code text[from, to)}: a full stop, question or exclamation mark after a word of
     * two letters or more, followed by white space ("t.h.e." and "U.S." end no sentence), or a blank line.
     */
    static boolean sentenceEnds(String text, int from, int to) {
        boolean lineBroken = false;
        for (int k = Math.max(0, from); k < Math.min(to, text.length()); k++) {
            char c = text.charAt(k);
            if (fullStop(text, k)) {
                return true;
            }
            if (c == '\n') {
                if (lineBroken) {
                    return true;
                }
                lineBroken = true;
            } else if (!Character.isWhitespace(c)) {
                lineBroken = false;
            }
        }
        return false;
    }
}
