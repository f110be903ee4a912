package org.disclosureguard.scan;

import java.util.Comparator;
import java.util.List;

/**
 * Finds therapy terms in free text, robust to the evasions {@link TextNormalizer} folds away.
 * Thread-safe: all scratch state lives in a per-call {@link ScanPass}.
 *
 * <p>Overlapping terms are all reported: "psychotherapy" yields both "psychotherapy" and
 * "therapy" when both are terms. Only exclusions remove hits, and only hits they fully cover.
 */
public final class ContentScanner {

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
     * All term matches not suppressed by an exclusion, ordered by start, then end. Empty when the
     * text is clean or null; never throws on any input string.
     */
    public List<TermMatch> scan(CharSequence text) {
        if (text == null || text.length() == 0) {
            return List.of();
        }
        ScanPass pass = new ScanPass(dictionary, true);
        pass.run(text.toString());
        List<TermMatch> matches = pass.matches();
        if (matches.isEmpty()) {
            return List.of();
        }
        // Hits are released in exclusion-safe order, not position order.
        matches.sort(BY_POSITION);
        return List.copyOf(matches);
    }

    /** True iff {@link #scan} would be non-empty; stops at the first unsuppressed hit. */
    public boolean matches(CharSequence text) {
        if (text == null || text.length() == 0) {
            return false;
        }
        return new ScanPass(dictionary, false).run(text.toString());
    }
}
