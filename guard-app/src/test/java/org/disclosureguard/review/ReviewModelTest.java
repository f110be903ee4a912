package org.disclosureguard.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import org.disclosureguard.review.ReviewModel.Entry;
import org.disclosureguard.review.ReviewModel.State;
import org.junit.jupiter.api.Test;

class ReviewModelTest {

    @Test
    void aStoredEntryCarriesItsReviewBytesAsTheyAreNotAThirdLarger() {
        byte[] review = new byte[990_000];
        new Random(7).nextBytes(review);
        Entry entry = new Entry("provider.case-events-0-12", State.PENDING, review, "key-1", null, List.of());
        byte[] stored = ReviewModel.writeEntry(entry);
        assertTrue(stored.length < review.length + 512, "stored " + stored.length + " for a review of " + review.length);
        Entry read = ReviewModel.readEntry(stored);
        assertArrayEquals(review, read.review());
        assertEquals("provider.case-events-0-12", read.quarantineId());
        assertEquals(State.PENDING, read.state());
        assertEquals("key-1", read.sealKeyId());
    }

    @Test
    void entriesWrittenAsJsonBeforeTheBinaryLayoutStillRead() {
        Entry entry = new Entry("provider.case-events-0-3", State.CONFIRMED_HOLD, new byte[] {1, 2, 3}, null, null, List.of());
        Entry read = ReviewModel.readEntry(ReviewModel.write(entry));
        assertArrayEquals(new byte[] {1, 2, 3}, read.review());
        assertEquals(State.CONFIRMED_HOLD, read.state());
        assertNull(ReviewModel.readEntry(ReviewModel.writeEntry(new Entry("q", State.PENDING, null, null, null, List.of()))).review());
    }

    /** A claim is stored with its entry; an entry stored before claims existed reads as unclaimed. */
    @Test
    void aClaimIsStoredWithItsEntry() {
        Entry claimed = new Entry("q-1", State.PENDING, new byte[] {4}, null, null, List.of(), new ReviewModel.Claim("rita", 1_000L));
        Entry read = ReviewModel.readEntry(ReviewModel.writeEntry(claimed));
        assertEquals(new ReviewModel.Claim("rita", 1_000L), read.claim());
        assertEquals("rita", read.liveClaim(999L).orElseThrow().reviewer());
        assertTrue(read.liveClaim(1_000L).isEmpty(), "a claim ends at its time");
        Entry old = ReviewModel.readEntry(ReviewModel.write(new Entry("q-2", State.PENDING, new byte[] {5}, null, null, List.of())));
        assertNull(old.claim());
    }

    @Test
    void aCorruptEntryIsAClearError() {
        assertThrows(UncheckedIOException.class, () -> ReviewModel.readEntry(new byte[] {1, 0x7f, 0, 0, 0, '{'}));
        assertThrows(UncheckedIOException.class, () -> ReviewModel.readEntry(new byte[] {1, 0, 0, 0, 2, 'x', 'y'}));
    }
}
