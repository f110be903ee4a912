package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs up the cue hits of one text: a cue of one side of a pair and a cue of its other side, in the same sentence
 * and at most {@link #MAX_GAP} characters apart, make one hit spanning both ("session … client explained that").
 * Writers put the setting and the telling in any order and with any words between them, which a fixed phrase
 * cannot follow; a sentence boundary between them breaks the pair ("The court session ended. He said that …").
 */
final class PairCues {

    /** At most this many characters between the end of one cue and the start of the other. */
    static final int MAX_GAP = 120;
    private static final long FIRST_SIDES = 0x5555_5555_5555_5555L;

    /**
     * One cue hit: its pair sides as a mask (bit 2p first side of pair p, bit 2p+1 second side), span and entry.
     * {@link #firstSides} and {@link #secondSides} both answer with bit 2p for pair p.
     */
    record Hit(long mask, int start, int end, String entry) {

        long firstSides() {
            return mask & FIRST_SIDES;
        }

        long secondSides() {
            return (mask >>> 1) & FIRST_SIDES;
        }
    }

    private PairCues() {
    }

    /**
     * The pairs, in position order: each cue pairs at most once, with the first unpaired partner after it (so a
     * telling matched by two cue entries, "youth shared" and "shared that", makes one hit, not two).
     *
     * @param sorted the text's cue hits as {@link #distinctSpans} gives them
     */
    static List<TermMatch> pairs(String text, List<Hit> sorted, long contextPairs) {
        long pairable = ~(contextPairs | contextPairs << 2);
        if (sorted.size() < 2) {
            return List.of();
        }
        List<TermMatch> matches = new ArrayList<>();
        boolean[] paired = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (paired[i]) {
                continue;
            }
            Hit a = sorted.get(i);
            for (int j = i + 1; j < sorted.size(); j++) {
                Hit b = sorted.get(j);
                if (b.start() > a.end() + MAX_GAP) {
                    break;
                }
                if (paired[j]) {
                    continue;
                }
                boolean aFirst = (a.firstSides() & b.secondSides() & pairable) != 0;
                boolean bFirst = (b.firstSides() & a.secondSides() & pairable) != 0;
                if ((aFirst || bFirst) && !sentenceEnds(text, Math.min(a.end(), b.start()), b.start())) {
                    String entry = aFirst ? a.entry() + " … " + b.entry() : b.entry() + " … " + a.entry();
                    matches.add(new TermMatch(entry, a.start(), Math.max(a.end(), b.end())));
                    paired[i] = true;
                    paired[j] = true;
                    break;
                }
            }
        }
        return matches;
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
    static List<TermMatch> withoutExplainedHeads(String text, List<TermMatch> matches, List<Hit> cues, long contextPairs) {
        if (contextPairs == 0 || matches.isEmpty() || cues.isEmpty() || matches.size() > MAX_RESOLVED_MATCHES) {
            return matches;
        }
        List<TermMatch> kept = new ArrayList<>(matches.size());
        for (TermMatch match : matches) {
            if (match.encoding() != null || !explained(text, match, matches, cues, contextPairs)) {
                kept.add(match);
            }
        }
        return kept;
    }

    private static boolean explained(String text, TermMatch match, List<TermMatch> matches, List<Hit> cues, long contextPairs) {
        long groups = headGroups(match.start(), match.end(), cues, contextPairs);
        if (groups == 0) {
            return false;
        }
        int from = sentenceStart(text, match.start());
        int to = sentenceEnd(text, match.end());
        for (TermMatch other : matches) {
            boolean inSentence = other.encoding() == null && other.end() > from && other.start() < to;
            if (inSentence && headGroups(other.start(), other.end(), cues, contextPairs) == 0) {
                return false;
            }
        }
        long context = 0;
        long unless = 0;
        for (Hit cue : cues) {
            if (cue.end() > from && cue.start() < to) {
                context |= cue.secondSides() & groups;
                unless |= cue.secondSides() & (groups << 2);
            }
        }
        // Explained by some group of the head whose context is there and whose unless is not.
        return (context & ~(unless >>> 2)) != 0;
    }

    /** The context groups (bit 2p) whose head was hit exactly at this span. */
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

    /** A full stop, question or exclamation mark after a word of two letters or more, then white space or the end. */
    private static boolean fullStop(String text, int k) {
        char c = text.charAt(k);
        return (c == '.' || c == '!' || c == '?') && k >= 2 && Character.isLetterOrDigit(text.charAt(k - 1))
                && Character.isLetterOrDigit(text.charAt(k - 2))
                && (k + 1 == text.length() || Character.isWhitespace(text.charAt(k + 1)));
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
                distinct.set(distinct.size() - 1, new Hit(last.mask() | hit.mask(), last.start(), last.end(), last.entry()));
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
