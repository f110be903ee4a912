package org.disclosureguard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.disclosureguard.pipeline.MutableClock;
import org.junit.jupiter.api.Test;

/** A topic's partition count: asked at most every ten seconds, the last one kept while the cluster is silent. */
class PartitionCountsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));

    @Test
    void aCountIsAskedAgainOnlyWhenItIsOlderThanTenSeconds() {
        AtomicInteger asked = new AtomicInteger();
        PartitionCounts counts = new PartitionCounts(topic -> asked.incrementAndGet() + 3, () -> { }, clock);
        assertEquals(4, counts.of("review"));
        clock.advance(Duration.ofSeconds(9));
        assertEquals(4, counts.of("review"), "fresh: not asked again");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(5, counts.of("review"), "stale: asked again");
        assertEquals(2, asked.get());
    }

    @Test
    void whileTheClusterIsSilentTheLastCountStandsAndBeforeItEverAnsweredItIsUnknown() {
        AtomicReference<Integer> answer = new AtomicReference<>(null);
        PartitionCounts counts = new PartitionCounts(topic -> {
            if (answer.get() == null) {
                throw new IllegalStateException("timed out");
            }
            return answer.get();
        }, () -> { }, clock);
        assertEquals(-1, counts.of("review"), "never answered: unknown");
        answer.set(6);
        assertEquals(6, counts.of("review"));
        answer.set(null);
        clock.advance(Duration.ofSeconds(60));
        assertEquals(6, counts.of("review"), "silent now: the last count");
    }
}
