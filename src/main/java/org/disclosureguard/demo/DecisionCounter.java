package org.disclosureguard.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;

/** Counts committed audit decisions as they arrive (read_committed, no consumer group), for the live progress line. */
public final class DecisionCounter implements Runnable {
    private final Map<String, Object> clientSettings;
    private final String auditTopic;
    private final AtomicLongArray counts = new AtomicLongArray(Decision.values().length);
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean stopping;

    public DecisionCounter(Map<String, Object> clientSettings, String auditTopic) {
        this.clientSettings = clientSettings;
        this.auditTopic = auditTopic;
    }

    @Override
    public void run() {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.keySet().retainAll(ConsumerConfig.configNames());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> partitions = c.partitionsFor(auditTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            while (!stopping) {
                c.poll(Duration.ofMillis(200)).forEach(record -> {
                    try {
                        counts.incrementAndGet(ScreeningDecision.fromByteBuffer(ByteBuffer.wrap(record.value())).getDecision().ordinal());
                    } catch (IOException | RuntimeException e) {
                        // not an audit record: not ours to count
                    }
                });
            }
        } catch (WakeupException e) {
            // stop() woke us up
        }
    }

    public long count(Decision decision) {
        return counts.get(decision.ordinal());
    }

    public long total() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    public void stop() {
        stopping = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
