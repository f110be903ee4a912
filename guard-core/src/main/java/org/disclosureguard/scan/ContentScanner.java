package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds therapy terms in free text, robust to the evasions the fold table and {@link MarkupDecoder} fold away,
 * and reads text hidden in encoded runs ({@link EncodedText}), recursively up to {@link #MAX_DEPTH} levels.
 * Thread-safe: all scratch state lives in a per-call {@link ScanPass}.
 *
 * <p>Overlapping terms are all reported: "psychotherapy" yields both "psychotherapy" and "*therapy" when both
 * are terms. Only exclusions remove hits, and only hits they fully cover.
 */
public final class ContentScanner {

    /** Encodings inside encodings are read this deep; a run still encoded below that is opaque. */
    static final int MAX_DEPTH = 3;
    private static final java.util.regex.Pattern LINE_BREAK_HYPHEN = java.util.regex.Pattern.compile("[-\u2010\u2011](?=\\s)");

    private static final Comparator<TermMatch> BY_POSITION = Comparator.comparingInt(TermMatch::start)
            .thenComparingInt(TermMatch::end)
            .thenComparing(TermMatch::term);

    private final Dictionary dictionary;

    public ContentScanner(Dictionary dictionary) {
        if (dictionary == null) {
            throw new IllegalArgumentException("ContentScanner needs a dictionary (got null)");
        }
        this.dictionary = dictionary;
    }

    /**
     * All term matches not suppressed by an exclusion, ordered by start, then end, including those inside
     * encoded runs. Empty when the text is clean or null; never throws on any input string.
     */
    public List<TermMatch> scan(CharSequence text) {
        return inspect(text).matches();
    }

    /** True iff {@link #scan} would be non-empty. */
    public boolean matches(CharSequence text) {
        return !scan(text).isEmpty();
    }

    /** Term matches, signals and decoded texts of {@code text}; never throws on any input string. */
    public ScanResult inspect(CharSequence text) {
        if (text == null || text.length() == 0) {
            return ScanResult.EMPTY;
        }
        return inspect(text.toString(), 0);
    }

    private ScanResult inspect(String text, int depth) {
        ScanPass pass = new ScanPass(dictionary);
        pass.run(text);
        List<TermMatch> matches = pass.matches();
        List<TextSignal> signals = pass.signals();
        List<PairCues.Hit> cues = pass.cues();
        if (pass.lettersScattered()) {
            matches = new ArrayList<>(matches);
            cues = new ArrayList<>(cues);
            matches.addAll(reassembled(text, cues));
        }
        if (pass.hyphenJoined()) {
            // "therapy-\n session" is two words the line-break rule joined: read the hyphens as separators too
            // (same length, so the spans stay put).
            ScanPass apart = new ScanPass(dictionary);
            apart.run(LINE_BREAK_HYPHEN.matcher(text).replaceAll(m -> " ".repeat(m.group().length())));
            matches = new ArrayList<>(matches);
            matches.addAll(apart.matches());
            cues = new ArrayList<>(cues);
            cues.addAll(apart.cues());
        }
        if (cues.size() > 1) {
            List<PairCues.Hit> distinctCues = PairCues.distinctSpans(cues);
            matches = new ArrayList<>(matches);
            List<PairCues.Pair> pairs = PairCues.pairs(text, distinctCues, dictionary.contextPairs());
            for (PairCues.Pair pair : pairs) {
                matches.add(pair.match());
            }
            if (cues.size() <= PairCues.MAX_RESOLVED_CUES) {
                matches = PairCues.withoutExplainedHeads(text, matches, pairs, distinctCues, dictionary.contextPairs());
            }
        }
        List<String> decodedTexts = List.of();
        String withoutRuns = null;
        if (pass.longChunkCount() > 0) {
            List<EncodedText.Run> runs = EncodedText.runs(text, pass);
            if (!runs.isEmpty()) {
                matches = new ArrayList<>(matches);
                signals = new ArrayList<>(signals);
                decodedTexts = new ArrayList<>();
                StringBuilder blanked = new StringBuilder(text);
                for (EncodedText.Run run : runs) {
                    for (int at = run.start(); at < run.end(); at++) {
                        blanked.setCharAt(at, ' ');
                    }
                    if (run.opaque() || depth + 1 >= MAX_DEPTH) {
                        signals.add(new TextSignal(TextSignal.Kind.OPAQUE, run.start(), run.end()));
                        continue;
                    }
                    String encoding = run.encoding().name().toLowerCase(Locale.ROOT);
                    ScanResult inner = inspect(run.decoded(), depth + 1);
                    decodedTexts.add(run.decoded());
                    decodedTexts.addAll(inner.decodedTexts());
                    for (TermMatch match : inner.matches()) {
                        matches.add(new TermMatch(match.term(), run.start(), run.end(),
                                match.encoding() == null ? encoding : encoding + "/" + match.encoding()));
                    }
                    for (TextSignal signal : inner.signals()) {
                        signals.add(new TextSignal(signal.kind(), run.start(), run.end()));
                    }
                }
                withoutRuns = blanked.toString();
            }
        }
        if (matches.isEmpty() && signals.isEmpty() && decodedTexts.isEmpty() && withoutRuns == null) {
            return ScanResult.EMPTY;
        }
        matches = wholeWords(text, matches);
        return new ScanResult(distinctByPosition(matches), List.copyOf(signals), List.copyOf(decodedTexts), withoutRuns);
    }

    /**
     * Hits in the text read with its scattered letters put back into words, mapped to source spans; its cue hits,
     * mapped too, are added to {@code cues}.
     */
    private List<TermMatch> reassembled(String text, List<PairCues.Hit> cues) {
        Reassembly.Text words = Reassembly.of(text);
        if (words.text().isEmpty()) {
            return List.of();
        }
        ScanPass pass = new ScanPass(dictionary);
        pass.run(words.text());
        List<TermMatch> mapped = new ArrayList<>();
        for (TermMatch match : pass.matches()) {
            if (match.end() > match.start()) {
                mapped.add(new TermMatch(match.term(), words.sourceStarts()[match.start()], words.sourceEnds()[match.end() - 1]));
            }
        }
        for (PairCues.Hit cue : pass.cues()) {
            if (cue.end() > cue.start()) {
                cues.add(new PairCues.Hit(cue.firstSides(), cue.secondSides(), words.sourceStarts()[cue.start()], words.sourceEnds()[cue.end() - 1], cue.entry()));
            }
        }
        return mapped;
    }

    /**
     * A hit of an open-ended entry ("therap*", "*therapie") covers only the entry's fixed letters; for the reviewer
     * the highlight is widened to the whole word it sits in.
     */
    private static List<TermMatch> wholeWords(String text, List<TermMatch> matches) {
        List<TermMatch> widened = new ArrayList<>(matches.size());
        for (TermMatch match : matches) {
            if (match.encoding() != null || match.start() >= match.end()) {
                widened.add(match);
                continue;
            }
            int start = match.start();
            int end = match.end();
            if (match.term().endsWith("*")) {
                while (end < text.length() && FoldTable.bmp(text.charAt(end)) > 0) {
                    end++;
                }
            }
            if (match.term().startsWith("*")) {
                while (start > 0 && FoldTable.bmp(text.charAt(start - 1)) > 0) {
                    start--;
                }
            }
            widened.add(new TermMatch(match.term(), start, end, null));
        }
        return widened;
    }

    /** The glued re-readings can find what the main pass found: each hit once, in position order. */
    private static List<TermMatch> distinctByPosition(List<TermMatch> matches) {
        if (matches.isEmpty()) {
            return List.of();
        }
        Set<TermMatch> distinct = new LinkedHashSet<>(matches);
        List<TermMatch> sorted = new ArrayList<>(distinct);
        sorted.sort(BY_POSITION);
        return List.copyOf(sorted);
    }
}
