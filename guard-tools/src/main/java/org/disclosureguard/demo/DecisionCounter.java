package org.disclosureguard.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.registry.GuardRecordReader;
import org.disclosureguard.verify.TopicReader;

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
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(ClientSettings.committedReader(clientSettings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            GuardRecordReader reader = GuardRecordReader.from(clientSettings);
            c.seekToBeginning(TopicReader.assignAll(c, auditTopic, Duration.ofSeconds(30)));
            while (!stopping) {
                c.poll(Duration.ofMillis(200)).forEach(record -> {
                    try {
                        counts.incrementAndGet(reader.decision(record.value()).getDecision().ordinal());
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
