package org.disclosureguard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The group's answer partition by partition: each taken once, whole only when every partition was served. */
class GroupPartsTest {
    @Test
    void everyPartitionServedOnceIsWhole() {
        GroupParts<String> parts = new GroupParts<>("review partitions");
        parts.served(0, "a");
        parts.served(1, "b");
        parts.served(1, "b again, from the instance handing it over");
        assertEquals(Map.of(0, "a", 1, "b"), parts.served());
        assertEquals(List.of(), parts.unavailable(2));
    }

    @Test
    void aPartitionOneInstanceCannotReadButAnotherServesIsNotMissing() {
        GroupParts<String> parts = new GroupParts<>("review partitions");
        parts.missing(Set.of(1), "are not readable yet on instance b:2 (REBALANCING)");
        parts.served(0, "a");
        parts.served(1, "b");
        assertEquals(List.of(), parts.unavailable(2));
    }

    @Test
    void unservedPartitionsAreNamedWithTheirOwnersReasonOrAsOwnerless() {
        GroupParts<String> parts = new GroupParts<>("metrics partitions");
        parts.served(0, "a");
        parts.missing(Set.of(1, 2), "are on instance b:2, which did not answer");
        parts.missing(Set.of(), "are not readable yet on this instance (RUNNING)");
        assertEquals(List.of("metrics partitions [1, 2] are on instance b:2, which did not answer",
                "metrics partitions [3] have no owner yet (rebalancing)"), parts.unavailable(4));
    }

    @Test
    void anUnknownPartitionCountIsNeverWhole() {
        GroupParts<String> parts = new GroupParts<>("review partitions");
        parts.served(0, "a");
        assertEquals(List.of("the number of review partitions is unknown (the cluster did not answer), so the answer cannot be known to be whole"),
                parts.unavailable(-1));
    }
}
