package org.disclosureguard.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.disclosureguard.pipeline.ClientSettings;

/**
 * Reads a whole topic from the beginning to its current end, committed records only (read_committed: what a
 * downstream consumer would see). No consumer group: it assigns all partitions itself.
 */
public final class TopicReader {
    private TopicReader() {}

    public static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> clientSettings, String topic, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ClientSettings.committedReader(clientSettings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = assignAll(consumer, topic, timeout);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * How many offsets the topic spans, first to end, over its partitions: its record count when its producers write
     * no transaction markers (the demo's feeder and plain producers), an upper bound otherwise.
     */
    public static long offsetSpan(Map<String, Object> clientSettings, String topic, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ClientSettings.committedReader(clientSettings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = assignAll(consumer, topic, timeout);
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, timeout);
            long span = 0;
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions, timeout).entrySet()) {
                span += end.getValue() - first.get(end.getKey());
            }
            return span;
        }
    }

    /** Assigns every partition of {@code topic} to the (group-less) consumer; returns them. */
    public static List<TopicPartition> assignAll(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        return partitions;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
