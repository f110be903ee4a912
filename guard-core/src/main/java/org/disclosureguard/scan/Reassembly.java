package org.disclosureguard.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * The text read again with its scattered letters put back into words: a run of single letters ("e x a m e n") or
 * a chunk made of single letters cut by punctuation ("e_s_t_a_d_o") becomes one word, other words stay as they
 * are. The glued readings of {@link GluedMatcher} find a term inside one such stretch; this finds a term of
 * several words spread over several of them ("E_x_a_m_e_n del e_s_t_a_d_o m_e_n_t_a_l"). The words are joined by
 * spaces into a plain text, with each of its chars mapped to the source span it came from.
 */
final class Reassembly {

    private static final int MIN_SCATTERED = 3;

    /** The reassembled text, and per char of it the source offsets it spans. */
    record Text(String text, int[] sourceStarts, int[] sourceEnds) {}

    private record Word(String letters, int start, int end) {}

    private Reassembly() {
    }

    static Text of(String source) {
        List<Word> words = words(source);
        StringBuilder text = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j < words.size() && words.get(j).letters().length() == 1) {
                j++;
            }
            if (j - i >= MIN_SCATTERED) {
                appendRun(source, text, spans, words.subList(i, j));
                i = j;
                continue;
            }
            append(text, spans, List.of(words.get(i)));
            i++;
        }
        int[] starts = new int[text.length()];
        int[] ends = new int[text.length()];
        for (int k = 0; k < spans.size(); k++) {
            starts[k] = spans.get(k)[0];
            ends[k] = spans.get(k)[1];
        }
        return new Text(text.toString(), starts, ends);
    }

    /**
     * A run of single letters, split into words where the gap between two letters differs from the run's usual
     * gap: a writer who spaces letters out still marks the words ("e x a m e n   d e l", "e . x . a   d . o").
     */
    private static void appendRun(String source, StringBuilder text, List<int[]> spans, List<Word> run) {
        java.util.Map<String, Integer> gaps = new java.util.HashMap<>();
        for (int k = 1; k < run.size(); k++) {
            gaps.merge(source.substring(run.get(k - 1).end(), run.get(k).start()), 1, Integer::sum);
        }
        String usual = gaps.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse("");
        int from = 0;
        for (int k = 1; k <= run.size(); k++) {
            if (k == run.size() || !source.substring(run.get(k - 1).end(), run.get(k).start()).equals(usual)) {
                append(text, spans, run.subList(from, k));
                from = k;
            }
        }
    }

    private static void append(StringBuilder text, List<int[]> spans, List<Word> merged) {
        if (text.length() > 0) {
            text.append(' ');
            int previous = spans.get(spans.size() - 1)[1];
            spans.add(new int[] {previous, previous});
        }
        for (Word word : merged) {
            for (int k = 0; k < word.letters().length(); k++) {
                text.append(word.letters().charAt(k));
                spans.add(new int[] {word.start(), word.end()});
            }
        }
    }

    /** The folded words of the source with their spans (a ligature's letters share one span). */
    private static List<Word> words(String source) {
        List<Word> words = new ArrayList<>();
        int n = source.length();
        StringBuilder letters = new StringBuilder();
        int start = -1;
        int end = -1;
        for (int i = 0; i < n; ) {
            long step = MarkupDecoder.stepAt(source, i, n);
            int result = MarkupDecoder.result(step);
            int next = i + MarkupDecoder.width(step);
            if (result > 0) {
                if (start < 0) {
                    start = i;
                }
                LetterPacket.appendTo(letters, result);
                end = next;
            } else if (result == FoldTable.SPACE || result == FoldTable.PUNCT) {
                if (start >= 0) {
                    words.add(new Word(letters.toString(), start, end));
                    letters.setLength(0);
                    start = -1;
                }
            }
            i = next;
        }
        if (start >= 0) {
            words.add(new Word(letters.toString(), start, end));
        }
        return words;
    }
}
