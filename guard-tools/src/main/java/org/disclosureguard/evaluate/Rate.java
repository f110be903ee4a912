package org.disclosureguard.evaluate;

import java.util.Locale;

/** {@code count} out of {@code total}. */
public record Rate(int count, int total) {
    /** The fraction, NaN when there is nothing to count. */
    public double fraction() {
        return total == 0 ? Double.NaN : (double) count / total;
    }

    /** As a percentage with one decimal, e.g. "99.5%"; "n/a" for an empty total. */
    public String percent() {
        return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * count / total);
    }

    Rate plus(Rate other) {
        return new Rate(count + other.count, total + other.total);
    }
}
