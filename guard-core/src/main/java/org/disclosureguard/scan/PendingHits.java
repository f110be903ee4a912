package org.disclosureguard.scan;

import java.util.Arrays;

/**
 * Term hits waiting to learn whether an exclusion covers them. A hit starting at normalized
 * position s can only be covered by an exclusion ending before s + (longest exclusion), so once
 * the scan passes that point the hit is released: reported if unsuppressed, dropped otherwise.
 * Few hits are pending at once, so plain arrays scanned linearly are enough.
 */
final class PendingHits {

    /** Receives released, unsuppressed hits. */
    interface Sink {
        void accept(int termId, int start, int end);
    }

    private final int reach;
    private int count;
    private int[] letterStarts = new int[8];
    private int[] sourceStarts = new int[8];
    private int[] sourceEnds = new int[8];
    private int[] termIds = new int[8];
    private boolean[] suppressed = new boolean[8];
    private int releaseAt = Integer.MAX_VALUE;

    /** @param reach normalized length of the longest exclusion (0 when there are none) */
    PendingHits(int reach) {
        this.reach = reach;
    }

    /** The letter position at which the oldest-starting hit can be released. */
    int releaseAt() {
        return releaseAt;
    }

    void add(int letterStart, int sourceStart, int sourceEnd, int termId) {
        if (count == termIds.length) {
            grow();
        }
        letterStarts[count] = letterStart;
        sourceStarts[count] = sourceStart;
        sourceEnds[count] = sourceEnd;
        termIds[count] = termId;
        suppressed[count] = false;
        count++;
        releaseAt = Math.min(releaseAt, letterStart + reach);
    }

    /** An exclusion starting at {@code letterStart} and ending now covers every pending hit starting at or after it. */
    void suppressFrom(int letterStart) {
        for (int k = 0; k < count; k++) {
            if (letterStarts[k] >= letterStart) {
                suppressed[k] = true;
            }
        }
    }

    /** Releases hits no future exclusion can cover, given {@code position} letters consumed. */
    void release(int position, Sink sink) {
        int kept = 0;
        int nextReleaseAt = Integer.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            int due = letterStarts[k] + reach;
            if (due <= position) {
                if (!suppressed[k]) {
                    sink.accept(termIds[k], sourceStarts[k], sourceEnds[k]);
                }
            } else {
                move(k, kept++);
                nextReleaseAt = Math.min(nextReleaseAt, due);
            }
        }
        count = kept;
        releaseAt = nextReleaseAt;
    }

    void releaseAll(Sink sink) {
        release(Integer.MAX_VALUE - reach, sink);
    }

    private void move(int from, int to) {
        letterStarts[to] = letterStarts[from];
        sourceStarts[to] = sourceStarts[from];
        sourceEnds[to] = sourceEnds[from];
        termIds[to] = termIds[from];
        suppressed[to] = suppressed[from];
    }

    private void grow() {
        int capacity = termIds.length * 2;
        letterStarts = Arrays.copyOf(letterStarts, capacity);
        sourceStarts = Arrays.copyOf(sourceStarts, capacity);
        sourceEnds = Arrays.copyOf(sourceEnds, capacity);
        termIds = Arrays.copyOf(termIds, capacity);
        suppressed = Arrays.copyOf(suppressed, capacity);
    }
}
