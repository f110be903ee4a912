package org.disclosureguard.reload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.disclosureguard.pipeline.ClientSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload from a compacted policy topic. Every instance reads the whole topic in order before it screens a
 * record (so it starts under the same version the running instances are under, having accepted and refused the
 * same offers), then follows it on a thread of its own. Group-less: every instance must see every version.
 */
public final class PolicyTopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyTopicFollower.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final PolicyReloader reloader;
    private final Thread thread;
    private volatile boolean closing;

    private PolicyTopicFollower(KafkaConsumer<byte[], byte[]> consumer, PolicyReloader reloader) {
        this.consumer = consumer;
        this.reloader = reloader;
        this.thread = new Thread(this::follow, "policy-topic-follower");
        this.thread.setDaemon(true);
    }

    /**
     * Reads {@code topic} to its end (offering each version), then follows it.
     *
     * @throws IllegalStateException if the topic does not exist or cannot be read to its end within {@code timeout}
     */
    public static PolicyTopicFollower start(String topic, Map<String, ?> settings, PolicyReloader reloader, Duration timeout) {
        Map<String, Object> config = new HashMap<>(ClientSettings.committedReader(settings));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "disclosure-guard-policy-follower");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("the policy topic " + topic + " does not exist (create it with `topics`)");
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            PolicyTopicFollower follower = new PolicyTopicFollower(consumer, reloader);
            follower.catchUp(partitions, timeout);
            follower.thread.start();
            return follower;
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    private void catchUp(List<TopicPartition> partitions, Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        int offered = 0;
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read the policy topic to its end within " + timeout.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                offer(record);
                offered++;
            }
        }
        LOG.info("Read {} policy version(s) from {}; in force: {}", offered,
                partitions.stream().map(TopicPartition::toString).collect(Collectors.joining(",")), reloader.status().version());
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void follow() {
        try {
            while (!closing) {
                consumer.poll(Duration.ofSeconds(1)).forEach(this::offer);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Stopped following the policy topic; the policy in force stays until a restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void offer(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone removes an old version from the compacted topic; it is not a policy
        }
        try {
            reloader.offer(new String(record.value(), StandardCharsets.UTF_8),
                    record.topic() + "-" + record.partition() + "@" + record.offset());
        } catch (RuntimeException e) {
            LOG.error("Could not apply the policy at {}-{}@{}; the policy in force stays", record.topic(), record.partition(),
                    record.offset(), e);
        }
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
