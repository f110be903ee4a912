package org.disclosureguard.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain producers and consumers the broker tests use to prove records really flow. */
final class KafkaTestClients {

    private KafkaTestClients() {
    }

    /** Sends the records in one committed transaction. */
    static void produceCommitted(String bootstrap, String transactionalId,
                                 List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = transactionalProducer(bootstrap, transactionalId)) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(producer::send);
            producer.commitTransaction();
        }
    }

    /** Sends the records in one transaction that is then aborted: read_committed consumers must not see them. */
    static void produceAborted(String bootstrap, String transactionalId,
                               List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = transactionalProducer(bootstrap, transactionalId)) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(producer::send);
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** Sends without a transaction, acks=all, and waits until the broker has acknowledged every record. */
    static void produceAcked(String bootstrap, List<ProducerRecord<String, String>> records) throws Exception {
        Properties props = producerProps(bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get();
            }
            producer.flush();
        }
    }

    /**
     * Reads the topic from the beginning with isolation.level=read_committed in a fresh consumer group until
     * {@code expected} records arrived or {@code timeout} passed, then keeps polling briefly so that
     * unexpected extra records would show up too.
     */
    static List<ConsumerRecord<String, String>> consumeCommitted(String bootstrap, String topic, int expected,
                                                                 Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            // A short extra poll: a broken isolation level would deliver more than expected.
            long grace = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < grace) {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
            }
        }
        return received;
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrap, String transactionalId) {
        Properties props = producerProps(bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props);
    }

    private static Properties producerProps(String bootstrap) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000"));
        return props;
    }
}
