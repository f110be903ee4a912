package org.disclosureguard.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The group's answer assembled partition by partition: each partition is taken once, from the first member that
 * served it (during a handover two may), and the answer is whole only when every partition of the topic was served.
 * What nobody served is named with the reason its owner gave, or as having no owner yet.
 *
 * @param <T> one partition's part of the answer
 */
public final class GroupParts<T> {
    private final String what;
    private final Map<Integer, T> served = new TreeMap<>();
    private final Map<String, Set<Integer>> missing = new LinkedHashMap<>(); // why -> the partitions it explains

    /** @param what how the reasons name the partitions, e.g. "review partitions" */
    public GroupParts(String what) {
        this.what = what;
    }

    /** A member served {@code partition}; a partition already served is kept as it was. */
    public void served(int partition, T part) {
        served.putIfAbsent(partition, part);
    }

    /** A member could not serve {@code partitions}, because {@code why} (e.g. "are on instance h:p, which did not answer"). */
    public void missing(Collection<Integer> partitions, String why) {
        if (!partitions.isEmpty()) {
            missing.computeIfAbsent(why, w -> new TreeSet<>()).addAll(partitions);
        }
    }

    /** The parts served, by partition. */
    public Map<Integer, T> served() {
        return served;
    }

    /**
     * What the answer lacks: partitions nobody served (with their owners' reasons, or "no owner yet"), or an unknown
     * partition count. Empty when the answer is whole.
     *
     * @param partitionCount how many partitions there are (negative: unknown)
     */
    public List<String> unavailable(int partitionCount) {
        List<String> unavailable = new ArrayList<>();
        Set<Integer> explained = new TreeSet<>();
        missing.forEach((why, partitions) -> {
            Set<Integer> unserved = new TreeSet<>(partitions);
            unserved.removeAll(served.keySet());
            if (!unserved.isEmpty()) {
                unavailable.add(what + " " + unserved + " " + why);
                explained.addAll(unserved);
            }
        });
        if (partitionCount < 0) {
            unavailable.add("the number of " + what + " is unknown (the cluster did not answer), so the answer cannot be known to be whole");
        }
        Set<Integer> unread = new TreeSet<>();
        for (int p = 0; p < partitionCount; p++) {
            if (!served.containsKey(p) && !explained.contains(p)) {
                unread.add(p);
            }
        }
        if (!unread.isEmpty()) {
            unavailable.add(what + " " + unread + " have no owner yet (rebalancing)");
        }
        return unavailable;
    }
}
