package org.disclosureguard.query;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Which partitions of which stores this instance is restoring from their changelogs right now. Kafka Streams answers an
 * interactive query from an active task that is still restoring (with the state updater, such tasks count as
 * active), so a store read during a failover can miss records and look whole; the review answers ask here first and
 * call such a partition not readable yet. A store's changelog partition is its task's partition.
 */
public final class RestoringPartitions implements StateRestoreListener {
    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    /** Whether {@code partition} of {@code store} is being restored. */
    public boolean restoring(String store, int partition) {
        return restoring.contains(key(store, partition));
    }

    @Override
    public void onRestoreStart(TopicPartition changelog, String store, long startingOffset, long endingOffset) {
        restoring.add(key(store, changelog.partition()));
    }

    @Override
    public void onBatchRestored(TopicPartition changelog, String store, long batchEndOffset, long numRestored) {
        // progress only
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
        restoring.remove(key(store, changelog.partition()));
    }

    @Override
    public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
        restoring.remove(key(store, changelog.partition())); // the task moved away: it is not this instance's any more
    }

    private static String key(String store, int partition) {
        return store + "/" + partition;
    }
}
