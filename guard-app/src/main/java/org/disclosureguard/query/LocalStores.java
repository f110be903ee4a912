package org.disclosureguard.query;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * This instance's state stores, read one partition at a time: only the partitions the group assigned here, and only
 * once their task runs ({@link RunningTasks}). A query over "all local stores" silently reads a task that is not
 * restored yet (Kafka Streams answers from it, with the state updater) and an answer without its records would look whole; reading
 * partition by partition lets every answer say which partitions it holds, so the group's answer can count them.
 * A store's partitions are those of the topic its sub-topology reads ({@code sourceTopic} below).
 */
public final class LocalStores {
    private final KafkaStreams streams;
    private final HostInfo self;
    private final RunningTasks running;
    private final PartitionCounts counts;

    /** @param self this instance's application.server, or null when it has none (a single instance serves everything) */
    public LocalStores(KafkaStreams streams, HostInfo self, RunningTasks running, PartitionCounts counts) {
        this.streams = streams;
        this.self = self;
        this.running = running;
        this.counts = counts;
    }

    /** This instance's address among the group's, or null. */
    public HostInfo self() {
        return self;
    }

    /** Kafka Streams' state, for the reasons an answer gives. */
    public String state() {
        return streams.state().name();
    }

    /** The group's members by the metadata Kafka Streams has now (none while it is not running). */
    public Collection<StreamsMetadata> group() {
        try {
            return streams.metadataForAllStreamsClients();
        } catch (RuntimeException e) {
            return List.of(); // not started, or closing: nobody is known to own anything
        }
    }

    /** The other members that can be asked (they have an address), not this one. */
    public List<StreamsMetadata> peers() {
        if (self == null) {
            return List.of();
        }
        return group().stream()
                .filter(member -> !member.hostInfo().equals(self) && member.hostInfo().port() > 0)
                .toList();
    }

    /** The partitions of {@code sourceTopic} the group assigned here (all of them when this instance has no address). */
    public Set<Integer> owned(String sourceTopic) {
        Set<Integer> own = new TreeSet<>();
        if (self == null) {
            int partitions = counts.of(sourceTopic);
            for (int p = 0; p < partitions; p++) {
                own.add(p);
            }
            return own;
        }
        for (StreamsMetadata member : group()) {
            if (member.hostInfo().equals(self)) {
                own.addAll(partitionsOf(member, sourceTopic));
            }
        }
        return own;
    }

    /** The partitions of {@code sourceTopic} a member owns, by the group's metadata. */
    public static Set<Integer> partitionsOf(StreamsMetadata member, String sourceTopic) {
        Set<Integer> partitions = new TreeSet<>();
        for (TopicPartition tp : member.topicPartitions()) {
            if (tp.topic().equals(sourceTopic)) {
                partitions.add(tp.partition());
            }
        }
        return partitions;
    }

    /** How many partitions {@code topic} has (-1: the cluster never said). */
    public int partitionCount(String topic) {
        return counts.of(topic);
    }

    /**
     * One partition of a store.
     *
     * @throws InvalidStateStoreException when the partition is not this instance's, is not restored yet, or the
     *         store is not queryable (starting, rebalancing, closing)
     */
    public <T> T store(String name, QueryableStoreType<T> type, int partition) {
        if (!running.running(name, partition)) {
            throw new InvalidStateStoreException(name + " partition " + partition + " is not running here (not assigned, or not restored yet)");
        }
        return streams.store(StoreQueryParameters.fromNameAndType(name, type).withPartition(partition));
    }
}
