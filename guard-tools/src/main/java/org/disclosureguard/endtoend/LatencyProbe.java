package org.disclosureguard.endtoend;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.verify.TopicReader;

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
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ClientSettings.committedReader(clientSettings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.seekToEnd(TopicReader.assignAll(consumer, topic, Duration.ofSeconds(30)));
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
