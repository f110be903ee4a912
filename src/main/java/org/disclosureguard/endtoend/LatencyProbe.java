package org.disclosureguard.endtoend;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End-to-end latency: from the moment the provider's producer stamps a record (its timestamp) to the moment its
 * audit decision is visible to a read_committed consumer, i.e. what a downstream system actually waits.
 */
final class LatencyProbe implements Runnable {
    private final Map<String, Object> clientSettings;
    private final String topic;
    private final long warmupUntilMillis;
    private final long[] samples = new long[2_000_000];
    private volatile int count;
    private volatile boolean stopping;

    LatencyProbe(Map<String, Object> clientSettings, String topic, long warmupUntilMillis) {
        this.clientSettings = clientSettings;
        this.topic = topic;
        this.warmupUntilMillis = warmupUntilMillis;
    }

    @Override
    public void run() {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.keySet().retainAll(ConsumerConfig.configNames());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (!stopping) {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                    long now = System.currentTimeMillis();
                    if (record.timestamp() >= warmupUntilMillis && count < samples.length) {
                        samples[count] = now - record.timestamp();
                        count++;
                    }
                });
            }
        }
    }

    void stop() {
        stopping = true;
    }

    int count() {
        return count;
    }

    double percentile(double p) {
        return Percentiles.of(samples, count, p);
    }
}
