package org.disclosureguard.query;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Which partitions of which stores belong to a task of this instance that is running, i.e. restored and processing.
 * Kafka Streams answers an interactive query from any active task it holds, also one whose store is still being
 * restored or not yet restored at all (between the assignment and the restoration's start nothing says so), and
 * such an answer would look whole with a part of the counts. A task's processors are initialised only once its
 * stores are restored and closed when the task is suspended or leaves, so a {@link #marker} processor in each
 * sub-topology with queried stores says exactly when its partition may be read.
 */
public final class RunningTasks {
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Whether {@code partition} of {@code store} belongs to a running task of this instance. */
    public boolean running(String store, int partition) {
        return running.contains(key(store, partition));
    }

    /**
     * A processor that does nothing with its records and marks {@code stores} (the stores of the sub-topology it is
     * added to) running for its task's partition from its initialisation to its close.
     */
    public <K, V> ProcessorSupplier<K, V, Void, Void> marker(String... stores) {
        List<String> names = List.of(stores);
        return () -> new Marker<>(names);
    }

    private static String key(String store, int partition) {
        return store + "/" + partition;
    }

    private final class Marker<K, V> implements Processor<K, V, Void, Void> {
        private final List<String> stores;
        private int partition = -1;

        Marker(List<String> stores) {
            this.stores = stores;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            partition = context.taskId().partition();
            stores.forEach(store -> running.add(key(store, partition)));
        }

        @Override
        public void process(Record<K, V> record) {
            // a marker only
        }

        @Override
        public void close() {
            if (partition >= 0) {
                stores.forEach(store -> running.remove(key(store, partition)));
            }
        }
    }
}
